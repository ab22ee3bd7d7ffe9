using System.Text;

namespace AsyncEnumTesting;

/// <summary>Renders a timeline for reader messages.</summary>
/// <remarks>Stop-gap until the probes' own rendering lands; then the reader uses that one.</remarks>
internal static class TimelineText
{
    /// <summary>Renders the header and one line per event.</summary>
    public static string Render(Timeline timeline)
    {
        var events = timeline.Events;
        var sources = events.Where(e => e.Kind != TimelineEventKind.Mark).Select(e => e.Source).Distinct(StringComparer.Ordinal).Count();
        var text = new StringBuilder();
        text.Append("Timeline (").Append(timeline.Clock is VirtualClock ? "virtual" : "real").Append(" time):");
        foreach (var e in events)
        {
            var what = Describe(e);
            if (what is null)
            {
                continue;
            }

            text.Append(Environment.NewLine).Append("  ").Append(TimeFormat.Elapsed(e.Time)).Append("  ");
            if (e.Kind == TimelineEventKind.Mark)
            {
                text.Append("mark ").Append(e.Value);
                continue;
            }

            if (sources > 1)
            {
                text.Append(e.Source).Append(' ');
            }

            text.Append('#').Append(e.Enumeration).Append(' ').Append(what);
        }

        if (events.Count == 0)
        {
            text.Append(Environment.NewLine).Append("  (no events)");
        }

        return text.ToString();
    }

    private static string? Describe(TimelineEvent e) => e.Kind switch
    {
        TimelineEventKind.GetAsyncEnumerator => "GetAsyncEnumerator  token: " + e.Value,
        TimelineEventKind.Yielded => "MoveNextAsync -> " + ReaderText.Value(e.Value),
        TimelineEventKind.Completed => "MoveNextAsync -> false (completed)",
        TimelineEventKind.Faulted => "threw " + ReaderText.Exception((Exception)e.Value!),
        TimelineEventKind.Canceled => "MoveNextAsync canceled",
        TimelineEventKind.TokenCanceled => "token canceled",
        TimelineEventKind.Disposed => "DisposeAsync",
        TimelineEventKind.Mark => string.Empty,
        TimelineEventKind.Violation => "violation: " + e.Value,
        _ => null,
    };
}
