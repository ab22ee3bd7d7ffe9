using System.Globalization;
using System.Text;

namespace AsyncEnumTesting.Xunit;

/// <summary>Renders the timelines of a failed test for its output.</summary>
internal static class TimelineReport
{
    /// <summary>Returns the report, or <see langword="null"/> when the test made no timeline with its clock.</summary>
    public static string? Render(IReadOnlyList<Timeline> timelines)
    {
        if (timelines.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        for (var i = 0; i < timelines.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Timeline {i + 1} of {timelines.Count} (virtual time):").AppendLine();
            var events = timelines[i].Events;
            if (events.Count == 0)
            {
                text.AppendLine("  (no events)");
            }

            foreach (var e in events)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {TimeFormat.Elapsed(e.Time)}  {e.Source} #{e.Enumeration} {e.Kind}");
                if (e.Value is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $" {e.Value}");
                }

                text.AppendLine();
            }
        }

        return text.ToString().TrimEnd();
    }
}
