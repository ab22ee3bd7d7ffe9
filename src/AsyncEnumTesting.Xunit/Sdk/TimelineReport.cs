namespace AsyncEnumTesting.Xunit;

/// <summary>Renders the timelines of a failed test for its output.</summary>
internal static class TimelineReport
{
    /// <summary>Returns each timeline rendered as a table, in creation order, or <see langword="null"/> when the test made none with its clock.</summary>
    public static string? Render(IReadOnlyList<Timeline> timelines) =>
        timelines.Count == 0 ? null : string.Join(Environment.NewLine, timelines.Select(t => t.Render().TrimEnd()));
}
