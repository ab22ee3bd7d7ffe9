using System.Text;
using FluentAssertions.Formatting;

namespace AsyncEnumTesting.FluentAssertions;

/// <summary>Renders timeline events as the aligned table every failure message ends with.</summary>
/// <remarks>
/// One row per call: a <c>MoveNextAsync</c> and its outcome share a row at the outcome's time, as do
/// <c>DisposeAsync</c> and its end; a call that never returned shows as pending. The source name prefixes each row only
/// when several sources share the timeline. Times show only on a virtual clock: real times differ on every run.
/// </remarks>
internal static class TimelineTable
{
    /// <summary>Rows kept on each side of the marked row when a long timeline is shortened.</summary>
    private const int Context = 6;

    /// <summary>Timelines with more rows than this are shortened around the marked row.</summary>
    private const int MaxRows = 20;

    /// <summary>Renders <paramref name="events"/>, marking the row of event <paramref name="markIndex"/> with <paramref name="mark"/>.</summary>
    public static string Render(IReadOnlyList<TimelineEvent> events, bool virtualTime, int markIndex = -1, string? mark = null)
    {
        var rows = Rows(events, virtualTime, markIndex, mark);
        var builder = new StringBuilder(virtualTime ? "Timeline (virtual time):" : "Timeline:");
        if (rows.Count == 0)
        {
            builder.Append(Environment.NewLine).Append("  (no events)");
            return builder.ToString();
        }

        foreach (var line in Shorten(rows))
        {
            builder.Append(Environment.NewLine).Append("  ").Append(line);
        }

        return builder.ToString();
    }

    private static List<(string Text, bool Marked)> Rows(IReadOnlyList<TimelineEvent> events, bool virtualTime, int markIndex, string? mark)
    {
        var named = events.Select(e => e.Source).Where(s => s != "test").Distinct(StringComparer.Ordinal).Count() > 1;
        var rows = new List<(string, bool)>();
        var lastCall = new Dictionary<(string, int), TimelineEventKind>();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var key = (e.Source, e.Enumeration);
            string text;
            switch (e.Kind)
            {
                case TimelineEventKind.MoveNextStarted or TimelineEventKind.DisposeStarted:
                    lastCall[key] = e.Kind;
                    if (Resolution(events, i) is var end and >= 0)
                    {
                        // The call shares its outcome's row, which also carries a mark put on the call.
                        markIndex = markIndex == i ? end : markIndex;
                        continue;
                    }

                    text = e.Kind == TimelineEventKind.MoveNextStarted ? "MoveNextAsync (pending)" : "DisposeAsync (pending)";
                    break;
                case TimelineEventKind.Faulted or TimelineEventKind.Canceled:
                    var call = lastCall.GetValueOrDefault(key) == TimelineEventKind.DisposeStarted ? "DisposeAsync" : "MoveNextAsync";
                    text = $"{call} threw {Describe(e.Value as Exception)}";
                    break;
                default:
                    text = Describe(e);
                    break;
            }

            var prefix = e.Kind == TimelineEventKind.Mark ? string.Empty : (named ? e.Source : string.Empty) + "#" + e.Enumeration + " ";
            var time = virtualTime ? TimeFormat.Elapsed(e.Time) + "  " : string.Empty;
            var marked = i == markIndex && mark is not null;
            rows.Add((time + prefix + text + (marked ? "      <- " + mark : string.Empty), marked));
        }

        return rows;
    }

    /// <summary>Finds the outcome of the call started at <paramref name="index"/> later on the timeline; -1 when it has none.</summary>
    private static int Resolution(IReadOnlyList<TimelineEvent> events, int index)
    {
        var start = events[index];
        for (var j = index + 1; j < events.Count; j++)
        {
            var e = events[j];
            if (e.Source != start.Source || e.Enumeration != start.Enumeration)
            {
                continue;
            }

            var ends = start.Kind == TimelineEventKind.MoveNextStarted
                ? e.Kind is TimelineEventKind.Yielded or TimelineEventKind.Completed or TimelineEventKind.Faulted or TimelineEventKind.Canceled
                : e.Kind is TimelineEventKind.Disposed or TimelineEventKind.Faulted or TimelineEventKind.Canceled;
            if (ends)
            {
                return j;
            }

            if (e.Kind is TimelineEventKind.MoveNextStarted or TimelineEventKind.DisposeStarted)
            {
                return -1;
            }
        }

        return -1;
    }

    private static string Describe(TimelineEvent e) => e.Kind switch
    {
        TimelineEventKind.GetAsyncEnumerator => "GetAsyncEnumerator  token: " + (e.Value is false ? "not cancellable" : "cancellable"),
        TimelineEventKind.Yielded => "MoveNextAsync -> " + Value(e.Value),
        TimelineEventKind.Completed => "MoveNextAsync -> completed",
        TimelineEventKind.Disposed => "DisposeAsync",
        TimelineEventKind.TokenCanceled => "token canceled",
        TimelineEventKind.Mark => "mark: " + e.Value,
        TimelineEventKind.Violation => "violation: " + e.Value,
        _ => e.Kind + (e.Value is null ? string.Empty : " " + Value(e.Value)),
    };

    /// <summary>Formats an item the way FluentAssertions formats values in messages.</summary>
    public static string Value(object? value) => Formatter.ToString(value);

    /// <summary>Formats an exception as its type and message.</summary>
    public static string Describe(Exception? ex) => ex is null ? "an exception" : $"{ex.GetType().Name}: {ex.Message}";

    private static IEnumerable<string> Shorten(List<(string Text, bool Marked)> rows)
    {
        if (rows.Count <= MaxRows)
        {
            return rows.Select(r => r.Text);
        }

        var marked = rows.FindIndex(r => r.Marked);
        var focus = marked < 0 ? rows.Count - 1 : marked;
        var keep = new bool[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            keep[i] = i < 2 || i >= rows.Count - 2 || Math.Abs(i - focus) <= Context;
        }

        var lines = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (keep[i])
            {
                lines.Add(rows[i].Text);
                continue;
            }

            var skipped = 0;
            while (i < rows.Count && !keep[i])
            {
                skipped++;
                i++;
            }

            i--;
            lines.Add($"... {skipped} more rows ...");
        }

        return lines;
    }
}
