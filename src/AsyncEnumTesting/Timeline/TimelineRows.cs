namespace AsyncEnumTesting;

/// <summary>One line of a rendered timeline: one event, or a call folded with its result.</summary>
internal sealed record TimelineRow(TimeSpan Time, string Source, int Enumeration, string Event, string? Value, int FirstEvent, int EventCount);

/// <summary>Turns events into rows, folding each call with the result that immediately follows it.</summary>
internal static class TimelineRows
{
    public static List<TimelineRow> Build(IReadOnlyList<TimelineEvent> events, Func<object?, string> formatValue)
    {
        var rows = new List<TimelineRow>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (i + 1 < events.Count && Folds(e, events[i + 1]) is { } folded)
            {
                var result = events[i + 1];
                rows.Add(new TimelineRow(result.Time, e.Source, e.Enumeration, folded.Event, folded.Value, i, 2));
                i++;
                continue;
            }

            var (text, value) = Describe(e, formatValue);
            rows.Add(new TimelineRow(e.Time, e.Source, e.Enumeration, text, value, i, 1));
        }

        return rows;

        (string Event, string? Value)? Folds(TimelineEvent call, TimelineEvent result)
        {
            if (!string.Equals(call.Source, result.Source, StringComparison.Ordinal) || call.Enumeration != result.Enumeration)
            {
                return null;
            }

            return (call.Kind, result.Kind) switch
            {
                (TimelineEventKind.MoveNextStarted, TimelineEventKind.Yielded or TimelineEventKind.Completed or TimelineEventKind.Canceled)
                    => Describe(result, formatValue),
                (TimelineEventKind.MoveNextStarted, TimelineEventKind.Faulted) => ("MoveNextAsync -> threw", Value(result)),
                (TimelineEventKind.DisposeStarted, TimelineEventKind.Disposed) => result.Value is null ? ("DisposeAsync", null) : ("DisposeAsync -> threw", Value(result)),
                (TimelineEventKind.DisposeStarted, TimelineEventKind.Faulted) => ("DisposeAsync -> threw", Value(result)),
                _ => null,
            };
        }
    }

    private static (string Event, string? Value) Describe(TimelineEvent e, Func<object?, string> formatValue) => e.Kind switch
    {
        TimelineEventKind.GetAsyncEnumerator => ("GetAsyncEnumerator", e.Value switch
        {
            true => "token: cancellable",
            false => "token: none",
            null => null,
            var other => ValueFormat.Format(other),
        }),
        TimelineEventKind.MoveNextStarted => ("MoveNextAsync started", null),
        TimelineEventKind.Yielded => ("MoveNextAsync -> " + formatValue(e.Value), null),
        TimelineEventKind.Completed => ("MoveNextAsync -> completed", null),
        TimelineEventKind.Faulted => ("threw", Value(e)),
        TimelineEventKind.Canceled => ("MoveNextAsync -> canceled", Value(e)),
        TimelineEventKind.DisposeStarted => ("DisposeAsync started", null),
        TimelineEventKind.Disposed => e.Value is null ? ("DisposeAsync -> done", null) : ("DisposeAsync -> threw", Value(e)),
        TimelineEventKind.TokenCanceled => ("token canceled", null),
        TimelineEventKind.Mark => ("mark " + ValueFormat.Format(e.Value), null),
        TimelineEventKind.Violation => ("VIOLATION", e.Value is string text ? ValueFormat.InRow(text) : Value(e)),
        _ => (e.Kind.ToString(), Value(e)),
    };

    private static string? Value(TimelineEvent e) => e.Value switch
    {
        null => null,
        Exception exception => ValueFormat.ExceptionInRow(exception),
        var other => ValueFormat.Format(other),
    };
}
