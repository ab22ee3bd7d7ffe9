#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <content>Why a source did not stop: what it did after the cancellation, and whether its token went anywhere.</content>
public sealed partial class AsyncEnumerableAssertions<T>
{
    /// <summary>What a correct producer does, closing every "did not stop" message.</summary>
    private const string CorrectProducer =
        "A correct producer passes its [EnumeratorCancellation] token to every await (Task.Delay(delay, clock, ct), source.WithCancellation(ct)) " +
        "and ends with OperationCanceledException once it is cancelled";

    /// <summary>Adds to a "did not stop" verdict, after disposal, what the source did instead and where its token went.</summary>
    /// <remarks>
    /// Runs after disposal because disposal gives the pending call one more bounded wait: what it then did (an item, a
    /// quiet end, nothing) is on the timeline only afterwards.
    /// </remarks>
    private static Verdict ExplainStall(Enumeration<T> run, Verdict verdict, TimelineEvent stream)
    {
        if (run.End != EndKind.Stalled || run.CanceledAt is null || stream.Source is null)
        {
            return verdict;
        }

        var events = run.Timeline.Events;
        var canceled = IndexOf(events, stream, TimelineEventKind.TokenCanceled);
        var (instead, late, mark) = Instead(events, stream, canceled < 0 ? Math.Max(verdict.MarkIndex, 0) : canceled, run.CanceledAt.Value);
        var fate = late ? "it noticed the token only when an uncancellable wait ended" : TokenFate(events, stream);
        return verdict with { Actual = $"{verdict.Actual}: {instead}; {fate}. {CorrectProducer}", MarkIndex = mark < 0 ? verdict.MarkIndex : mark };
    }

    /// <summary>Says what the source did after the cancellation: items and when, how it ended, or that it never answered.</summary>
    /// <returns>The words, whether the source did stop with OperationCanceledException (only late), and the first event after the cancellation.</returns>
    private static (string Words, bool StoppedLate, int First) Instead(IReadOnlyList<TimelineEvent> events, TimelineEvent stream, int from, TimeSpan canceledAt)
    {
        var stoppedLate = false;
        var first = -1;
        var items = new List<string>();
        string? end = null;
        for (var i = from + 1; i < events.Count && end is null; i++)
        {
            var e = events[i];
            if (!Same(e, stream))
            {
                continue;
            }

            var late = TimeFormat.Elapsed(e.Time - canceledAt);
            if (first < 0 && e.Kind is TimelineEventKind.Yielded or TimelineEventKind.Completed or TimelineEventKind.Canceled or TimelineEventKind.Faulted)
            {
                first = i;
            }

            switch (e.Kind)
            {
                case TimelineEventKind.Yielded:
                    items.Add($"{Failure.Show(e.Value)} at {TimeFormat.Elapsed(e.Time)} ({late} after it)");
                    break;
                case TimelineEventKind.Completed:
                    end = $"completed at {TimeFormat.Elapsed(e.Time)}";
                    break;
                case TimelineEventKind.Canceled:
                    end = $"threw OperationCanceledException only at {TimeFormat.Elapsed(e.Time)}, {late} after the cancellation";
                    stoppedLate = true;
                    break;
                case TimelineEventKind.Faulted:
                    end = $"threw {MessageFormat.Exception(e.Value as Exception)} at {TimeFormat.Elapsed(e.Time)}";
                    break;
            }
        }

        var yielded = items.Count == 0
            ? null
            : $"after the cancellation it yielded {MessageFormat.Items(items.Count)}: {string.Join(", ", items)}";
        var words = (yielded, end) switch
        {
            (null, null) => "its MoveNextAsync never returned, not even when the assertion gave up",
            (null, { } e) => "its MoveNextAsync " + e,
            ({ } y, null) => y,
            ({ } y, { } e) => y + ", then " + e,
        };
        return (words, stoppedLate && items.Count == 0, first);
    }

    /// <summary>Says whether the producer passed a cancellable token to the sources it read (probes on the same timeline).</summary>
    private static string TokenFate(IReadOnlyList<TimelineEvent> events, TimelineEvent stream)
    {
        var inner = events.Where(e => e.Kind == TimelineEventKind.GetAsyncEnumerator && !Same(e, stream)).ToList();
        if (inner.Count == 0)
        {
            return "it got a cancellable token (GetAsyncEnumerator, token: cancellable) and did not act on it";
        }

        if (inner.FirstOrDefault(e => e.Value is false) is { Source: not null } deaf)
        {
            return $"the token went no further: the producer passed no cancellable token to \"{deaf.Source}\" (#{deaf.Enumeration} GetAsyncEnumerator, token: none)";
        }

        var reached = inner.Where(e => IndexOf(events, e, TimelineEventKind.TokenCanceled) >= 0).Select(e => $"\"{e.Source}\"").Distinct().ToList();
        return reached.Count == 0
            ? $"the producer passed a token to {string.Join(", ", inner.Select(e => $"\"{e.Source}\"").Distinct())}, but not the one that was cancelled"
            : $"the cancellation reached {string.Join(", ", reached)}, but the producer went on";
    }

    private static int IndexOf(IReadOnlyList<TimelineEvent> events, TimelineEvent stream, TimelineEventKind kind)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Kind == kind && Same(events[i], stream))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Same(TimelineEvent e, TimelineEvent stream) =>
        e.Enumeration == stream.Enumeration && string.Equals(e.Source, stream.Source, StringComparison.Ordinal);
}
