using System.Diagnostics;

#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <summary>Asserts what an async sequence does when enumerated: its items, its end, its timing, cancellation and laziness.</summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>
/// <para>
/// Every assertion returns a task: await it (a dropped task checks nothing; the AET0001 analyzer reports it). Each one
/// enumerates the source exactly once (one <c>GetAsyncEnumerator</c> with a cancellable token, one <c>DisposeAsync</c>),
/// so a hot source (a channel reader) is consumed by the first assertion only.
/// </para>
/// <para>
/// No wait hangs: on real time each wait for the next event is bounded (5 s unless <see cref="WithTimeLimit"/> says
/// otherwise); on a <see cref="VirtualClock"/> the assertion advances the clock while it waits, bounded in virtual time
/// (1 h). The defaults are the reader's (<see cref="AsyncSequenceReaderOptions.Default"/>).
/// A failure message says what happened in async terms and prints the enumeration's timeline.
/// </para>
/// </remarks>
[DebuggerNonUserCode]
[StackTraceHidden]
public sealed partial class AsyncEnumerableAssertions<T> : ReferenceTypeAssertions<IAsyncEnumerable<T>, AsyncEnumerableAssertions<T>>
{
    private readonly string _subject;
    private readonly Pacing _pacing;

    internal AsyncEnumerableAssertions(IAsyncEnumerable<T> source, string subject, Pacing pacing)
#if AWESOME
        : base(source, AssertionChain.GetOrCreate())
#else
        : base(source)
#endif
    {
        _subject = subject;
        _pacing = pacing;
    }


    /// <inheritdoc />
    protected override string Identifier => "source";

    /// <summary>Returns assertions that drive (or read) <paramref name="clock"/> while they wait.</summary>
    /// <param name="clock">The clock the source waits on.</param>
    /// <returns>New assertions on the same source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="clock"/> is neither a <see cref="VirtualClock"/> nor <see cref="TimeProvider.System"/>,
    /// or the source is a fake (or a probe over one) created with another <see cref="VirtualClock"/>, or with one while
    /// <paramref name="clock"/> is <see cref="TimeProvider.System"/>: pass the fake's clock.</exception>
    public AsyncEnumerableAssertions<T> WithClock(TimeProvider clock) =>
        new(Subject, _subject, _pacing with { Clock = ClockCheck.Drivable(Subject, clock, nameof(clock)) });

    /// <summary>Returns assertions whose every wait for the next event is bounded by <paramref name="limit"/>.</summary>
    /// <param name="limit">Virtual time with a <see cref="VirtualClock"/> (the reader's <see cref="AsyncSequenceReaderOptions.VirtualTimeLimit"/>),
    /// real time otherwise (its <see cref="AsyncSequenceReaderOptions.RealTimeLimit"/>).</param>
    /// <returns>New assertions on the same source.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    public AsyncEnumerableAssertions<T> WithTimeLimit(TimeSpan limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero);
        return new(Subject, _subject, _pacing with { TimeLimit = limit });
    }

    /// <summary>Enumerates the source once, runs <paramref name="body"/>, disposes, and fails with the verdict if there is one.</summary>
    private Task<TResult> CheckAsync<TResult>(
        string expectation,
        string because,
        object[] becauseArgs,
        Func<Enumeration<T>, Task<Verdict?>> body,
        Func<Enumeration<T>, TResult> result,
        Func<Enumeration<T>, Verdict?>? afterDisposal = null,
        Func<Enumeration<T>, Verdict, TimelineEvent, Verdict>? explain = null,
        bool countTimers = false) =>
        CheckAsync(() => expectation, because, becauseArgs, body, result, afterDisposal, explain, countTimers);

    /// <summary>Enumerates the source once, runs <paramref name="body"/>, disposes, and fails with the verdict if there is one.</summary>
    /// <remarks>The expectation is written only when the assertion fails: formatting a long list of expected items is not free.</remarks>
    private async Task<TResult> CheckAsync<TResult>(
        Func<string> expectation,
        string because,
        object[] becauseArgs,
        Func<Enumeration<T>, Task<Verdict?>> body,
        Func<Enumeration<T>, TResult> result,
        Func<Enumeration<T>, Verdict?>? afterDisposal = null,
        Func<Enumeration<T>, Verdict, TimelineEvent, Verdict>? explain = null,
        bool countTimers = false)
    {
        ArgumentNullException.ThrowIfNull(Subject, "source");
        using var scope = Flavor.NameSubject(_subject, FakeSequence.NameOf(Subject));
        var run = Enumeration<T>.Begin(Subject, _subject, _pacing, countTimers);
        var stream = explain is null ? default : StreamOf(run);
        Verdict? verdict;
        try
        {
            verdict = run.End == EndKind.Faulted ? Ended(run, "GetAsyncEnumerator to return") : await body(run).ConfigureAwait(true);
        }
        finally
        {
            await run.DisposeAsync().ConfigureAwait(true);
        }

        verdict = verdict is not null && explain is not null ? explain(run, verdict, stream) : verdict;
        verdict ??= DisposalVerdict(run) ?? afterDisposal?.Invoke(run);
        if (verdict is not null)
        {
            Failure.Fail(expectation(), verdict, run.Timeline, because, becauseArgs);
        }

        return result(run);
    }

    private Task<AndConstraint<AsyncEnumerableAssertions<T>>> CheckAsync(
        string expectation, string because, object[] becauseArgs, Func<Enumeration<T>, Task<Verdict?>> body) =>
        CheckAsync(() => expectation, because, becauseArgs, body, _ => new AndConstraint<AsyncEnumerableAssertions<T>>(this));

    private Task<AndConstraint<AsyncEnumerableAssertions<T>>> CheckAsync(
        Func<string> expectation, string because, object[] becauseArgs, Func<Enumeration<T>, Task<Verdict?>> body) =>
        CheckAsync(expectation, because, becauseArgs, body, _ => new AndConstraint<AsyncEnumerableAssertions<T>>(this));

    /// <summary>Describes why an enumeration stopped before the assertion got <paramref name="wanted"/>.</summary>
    private static Verdict Ended(Enumeration<T> run, string wanted)
    {
        var mark = "expected " + wanted;
        return run.End switch
        {
            EndKind.Completed => new Verdict(run.ItemCount == 0 ? "it completed without yielding any item" : $"it completed after {MessageFormat.Items(run.ItemCount)}", run.LastEventIndex, mark),
            EndKind.Faulted when run.FailedToStart =>
                new Verdict($"GetAsyncEnumerator threw {MessageFormat.Exception(run.Error)}", run.LastEventIndex, null, run.Error),
            EndKind.Faulted => new Verdict(
                $"{MessageFormat.AfterItems(run.ItemCount)}, MoveNextAsync threw {MessageFormat.Exception(run.Error)}", run.LastEventIndex, mark, run.Error),
            _ => new Verdict($"{MessageFormat.AfterItems(run.ItemCount)}, {run.Stall}", run.LastEventIndex, mark),
        };
    }

    /// <summary>Finds the run's own <c>GetAsyncEnumerator</c> event: other probes on a shared timeline record there too.</summary>
    private TimelineEvent StreamOf(Enumeration<T> run)
    {
        var events = run.Timeline.Events;
        for (var i = events.Count - 1; i >= 0; i--)
        {
            if (events[i].Kind == TimelineEventKind.GetAsyncEnumerator && (Subject is not Probe<T> probe || events[i].Source == probe.Name))
            {
                return events[i];
            }
        }

        return default;
    }

    private static Verdict? DisposalVerdict(Enumeration<T> run)
    {
        if (run.DisposeError is { } error)
        {
            return new Verdict($"DisposeAsync threw {MessageFormat.Exception(error)}", run.Timeline.Count - 1, null, error);
        }

        return run.DisposeStall is { } stall ? new Verdict(stall, run.Timeline.Count - 1) : null;
    }
}
