namespace AsyncEnumTesting;

/// <content>The failure report a test-framework integration writes when a test on this clock fails.</content>
public sealed partial class VirtualClock
{
    /// <summary>Renders every <see cref="Timeline"/> created with this clock, in creation order, as one text for a test's output.</summary>
    /// <returns>The timelines' tables (<see cref="Timeline.Render(TimelineRenderOptions?)"/>) one after the other, or
    /// <see langword="null"/> when no timeline was created with this clock.</returns>
    /// <remarks>
    /// This is the seam the kit's own attributes (xunit, NUnit, MSTest) use; an integration for another framework
    /// calls it when a test that ran on this clock failed and writes the text to that framework's test output.
    /// Timelines are known to the clock they were created with (<c>new Timeline(clock)</c>); a probe without a timeline
    /// records on a real-time timeline of its own and is not reported.
    /// </remarks>
    /// <example>
    /// <code>
    /// catch when (clock.RenderTimelines() is { } report)
    /// {
    ///     TestContext.Out.WriteLine(report);
    ///     throw;
    /// }
    /// </code>
    /// </example>
    public string? RenderTimelines()
    {
        var timelines = Timelines;
        return timelines.Count == 0 ? null : string.Join(Environment.NewLine, timelines.Select(t => t.Render().TrimEnd()));
    }
}
