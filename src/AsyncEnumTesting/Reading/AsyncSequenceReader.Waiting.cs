namespace AsyncEnumTesting;

/// <content>Waiting for the next event within the reader's real-time and virtual-time limits.</content>
public sealed partial class AsyncSequenceReader<T>
{
    /// <summary>How long, in real time, a pull that already stalled gets to stop after the reader canceled it.</summary>
    /// <remarks>
    /// A source that honours its token stops through a hop or two through the thread pool (a default channel's waiter
    /// completes there); on a loaded 2-core machine such a hop measured longer than 100 ms, which left the stop out of the
    /// report. A source that ignores its token costs this much, after a failure only: a second (tried)
    /// made a stall take 2 s or more to fail, past the kit's bound, where 500 ms keeps it near 1.5 s.
    /// </remarks>
    private static readonly TimeSpan AfterStall = TimeSpan.FromMilliseconds(500);

    private bool _stalled;

    /// <summary>Waits for the next event without consuming it; an event of kind <see cref="ReaderEventKind.Nothing"/> says why none came.</summary>
    /// <param name="waitingFor">What the test awaits, for hang diagnoses: <c>an item</c>.</param>
    private async ValueTask<ReaderEvent<T>> PeekAsync(string waitingFor)
    {
        if (_hasReady)
        {
            return _ready;
        }

        if (_pull is null || (_pull.IsCompleted && _pull.Result.Kind == ReaderEventKind.Canceled))
        {
            return Over();
        }

        var e = await WaitAsync(_pull, waitingFor);
        _stalled |= e.Kind == ReaderEventKind.Nothing;
        return e.Kind == ReaderEventKind.Canceled ? Over() : e;
    }

    /// <summary>Describes a reader that has nothing more to give: the end was consumed, or the reader was canceled.</summary>
    private ReaderEvent<T> Over()
    {
        var detail = _end is { Kind: not ReaderEventKind.Canceled } end
            ? _subject + " had already " + ReaderText.Ended(end)
            : "the reader had already been canceled " + MessageFormat.AfterItems(_itemCount);
        return new ReaderEvent<T>(ReaderEventKind.Nothing, default, null, Timeline.Now, _itemCount, detail);
    }

    /// <summary>Waits for <paramref name="task"/> within the limits: real time alone without a clock; otherwise virtual
    /// time too, moving the clock unless a virtual-time run already does.</summary>
    private async ValueTask<ReaderEvent<T>> WaitAsync(Task<ReaderEvent<T>> task, string waitingFor)
    {
        if (task.IsCompleted)
        {
            return task.Result;
        }

        var since = Timeline.Now;
        if (_clock is null)
        {
            await ((Task)task).WaitAsync(_options.RealTimeLimit).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return task.IsCompleted ? task.Result : Nothing(RealTimeout(), null);
        }

        using var waiter = _clock.Waiters.Add(() => $"reader \"{_name}\" awaiting {waitingFor} since {TimeFormat.Elapsed(since)}");
        var outcome = await _clock.WaitAsync(task, _options.VirtualTimeLimit, _options.RealTimeLimit);
        if (task.IsCompleted)
        {
            return task.Result;
        }

        var grace = _clock.RealTimeGrace < _options.RealTimeLimit ? _clock.RealTimeGrace : _options.RealTimeLimit;
        return outcome.End switch
        {
            WaitEnd.VirtualLimit => Nothing(VirtualTimeLimit(_clock), outcome.Failure),
            WaitEnd.RealLimit => Nothing(RealTimeout(), null),
            WaitEnd.NothingPending => Nothing(
                "nothing can happen any more: no timer is pending on the clock and nothing completed the wait within " +
                $"{TimeFormat.RealSeconds(grace)} of real time: " + Advice.RealTime,
                outcome.Failure),
            _ => Nothing("the virtual clock failed: " + outcome.Failure?.Message, outcome.Failure),
        };
    }

    private string VirtualTimeLimit(VirtualClock clock) =>
        $"{Silent()} within {TimeFormat.Elapsed(_options.VirtualTimeLimit)} of virtual time" + Advice.NothingPendingInRun(clock);

    private string RealTimeout() => $"{Silent()} within {TimeFormat.RealSeconds(_options.RealTimeLimit)} of real time";

    /// <summary>Says that the sequence was silent: <c>nothing happened</c>, or <c>nothing came from "orders"</c> when the test named it.</summary>
    /// <remarks>The one place a step's failure would not name the sequence otherwise: "Expected an item, but nothing happened …".</remarks>
    private string Silent() => _named ? "nothing came from " + _subject : "nothing happened";

    private ReaderEvent<T> Nothing(string detail, Exception? reason) =>
        new(ReaderEventKind.Nothing, default, reason, Timeline.Now, _itemCount, detail);
}
