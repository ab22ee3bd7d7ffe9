#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <summary>How an enumeration driven by an assertion ended, if it did.</summary>
internal enum EndKind
{
    /// <summary>It has not ended: the assertion may read on.</summary>
    Open,

    /// <summary><c>MoveNextAsync</c> returned <see langword="false"/>.</summary>
    Completed,

    /// <summary><c>GetAsyncEnumerator</c> or <c>MoveNextAsync</c> threw.</summary>
    Faulted,

    /// <summary>A wait gave up: nothing happened within its bound.</summary>
    Stalled,
}

/// <summary>Enumerates a source once on behalf of an assertion, recording every call on a <see cref="Timeline"/>.</summary>
/// <remarks>
/// Every wait is bounded by <see cref="Pacing"/>, so an assertion never hangs. The enumerator gets a cancellable token
/// owned by the assertion; it is cancelled when the assertion gives up on a stalled wait, before disposing.
/// </remarks>
internal sealed partial class Enumeration<T>
{
    /// <summary>Safety net for endless synchronous sources: an assertion that reads to the end stops after this many items.</summary>
    public const int MaxItems = 100_000;

    private readonly CancellationTokenSource _cts = new();
    private readonly Pacing _pacing;
    private readonly VirtualClock? _virtual;
    private IAsyncEnumerator<T>? _enumerator;
    private Task<bool>? _pending;
    private bool _tagsTimers;

    private Enumeration(Timeline timeline, Pacing pacing)
    {
        Timeline = timeline;
        _pacing = pacing;
        _virtual = pacing.Virtual;
    }

    /// <summary>Gets the timeline the enumeration is recorded on.</summary>
    public Timeline Timeline { get; }

    /// <summary>Gets how many items were received so far.</summary>
    /// <remarks>A count, not a list: the items are on the probe's timeline, and a failure message rebuilds what it needs from there.</remarks>
    public int ItemCount { get; private set; }

    /// <summary>Gets the last item received.</summary>
    public T Current { get; private set; } = default!;

    /// <summary>Gets how the enumeration ended.</summary>
    public EndKind End { get; private set; }

    /// <summary>Gets the exception the source threw, when <see cref="End"/> is <see cref="EndKind.Faulted"/>.</summary>
    public Exception? Error { get; private set; }

    /// <summary>Gets why the last wait gave up, when <see cref="End"/> is <see cref="EndKind.Stalled"/>.</summary>
    public string? Stall { get; private set; }

    /// <summary>Gets the index, in <see cref="Timeline"/>'s events, of the event that ended the enumeration or yielded the last item.</summary>
    public int LastEventIndex { get; private set; } = -1;

    /// <summary>Gets the name the enumeration's events carry on <see cref="Timeline"/>: its probe's.</summary>
    public string Source { get; private init; } = string.Empty;

    /// <summary>Gets the index, in <see cref="Timeline"/>'s events, where this enumeration began: earlier events belong to others.</summary>
    public int FirstEventIndex { get; private init; }

    /// <summary>Gets the pacing that bounds this enumeration's waits.</summary>
    public Pacing Pacing => _pacing;

    /// <summary>Gets the token handed to <c>GetAsyncEnumerator</c>.</summary>
    public CancellationToken Token => _cts.Token;

    /// <summary>Gets how many timers that the producer created (in its calls, or in work they started) are pending on the virtual clock
    /// now; 0 on real time, or when the enumeration was not begun with <c>countTimers</c>.</summary>
    /// <remarks>
    /// Counting every pending timer against the count at the start blamed the producer for timers of work beside it (a writer
    /// the test started), depending on how far that work had got.
    /// </remarks>
    public int ProducerTimersPending => _tagsTimers ? _virtual!.PendingTimerCountOf(this) : 0;

    /// <summary>Gets a value indicating whether <c>GetAsyncEnumerator</c> itself threw.</summary>
    public bool FailedToStart { get; private set; }

    /// <summary>Gets the virtual time at which the token was cancelled, if it was.</summary>
    public TimeSpan? CanceledAt { get; private set; }

    /// <summary>Starts enumerating <paramref name="source"/>: calls <c>GetAsyncEnumerator</c> with a cancellable token.</summary>
    /// <param name="source">The source to enumerate.</param>
    /// <param name="name">The subject's name, for the probe.</param>
    /// <param name="pacing">The bounds of every wait.</param>
    /// <param name="countTimers">Whether to tag the timers the producer creates, for <see cref="ProducerTimersPending"/>: it costs an
    /// execution-context change per call into the producer, so only the assertions that check timers ask for it.</param>
    public static Enumeration<T> Begin(IAsyncEnumerable<T> source, string name, Pacing pacing, bool countTimers = false)
    {
        // Enumerate through a probe, so the timeline holds what a probe records; a probe the caller made keeps its own.
        var probe = source as Probe<T> ?? source.Probe(new Timeline(pacing.Clock), string.IsNullOrWhiteSpace(name) ? null : name);
        var run = new Enumeration<T>(probe.Timeline, pacing)
        {
            _tagsTimers = countTimers && pacing.Virtual is not null,
            Source = probe.Name,
            FirstEventIndex = probe.Timeline.Count,
        };
        try
        {
            run._enumerator = run.CallProducer(static state => state.Probe.GetAsyncEnumerator(state.Token), (Probe: probe, run.Token));
            run.Recorded();
        }
#pragma warning disable CA1031 // The source's exception is the assertion's finding: it is reported, not swallowed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            run.FailedToStart = true;
            run.Fault(ex);
        }

        return run;
    }

    /// <summary>Asks for the next item and waits for it within the pacing's bound (or <paramref name="limit"/>).</summary>
    /// <returns><see langword="true"/> with <see cref="Current"/> set, or <see langword="false"/> once <see cref="End"/> says why not.</returns>
    /// <remarks>
    /// A source that answered at once costs no state machine, no task and no bounded wait: the result is handled here and
    /// returned as a completed <see cref="ValueTask{TResult}"/>, so an assertion's loop over a synchronous source stays a loop.
    /// </remarks>
    public ValueTask<bool> MoveNextAsync(TimeSpan? limit = null)
    {
        if (End != EndKind.Open || _enumerator is null)
        {
            return new ValueTask<bool>(false);
        }

        ValueTask<bool> move;
        try
        {
            move = CallProducer(static enumerator => enumerator.MoveNextAsync(), _enumerator);
        }
#pragma warning disable CA1031 // Reported as the source's fault.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fault(ex);
            return new ValueTask<bool>(false);
        }

        if (move.IsCompletedSuccessfully)
        {
            return new ValueTask<bool>(OnMoved(move.Result));
        }

        // Until the call ends, the event to point at is its MoveNextStarted (a call that answered at once records its result next).
        Recorded();
        return AwaitMoveAsync(move.AsTask(), limit);
    }

    /// <summary>Waits, within bounds, for a <c>MoveNextAsync</c> that did not answer at once.</summary>
    private async ValueTask<bool> AwaitMoveAsync(Task<bool> task, TimeSpan? limit)
    {
        var stall = task.IsCompleted ? null : await _pacing.WaitAsync(task, limit).ConfigureAwait(true);
        if (stall is not null)
        {
            _pending = task;
            End = EndKind.Stalled;
            Stall = stall;
            return false;
        }

        if (task.IsCompletedSuccessfully)
        {
            return OnMoved(task.Result);
        }

        Fault(Unwrap(task));
        return false;
    }

    /// <summary>Takes the result of a <c>MoveNextAsync</c> that succeeded: the next item, or the completion.</summary>
    private bool OnMoved(bool moved)
    {
        if (!moved)
        {
            End = EndKind.Completed;
            Recorded();
            return false;
        }

        Current = _enumerator!.Current;
        ItemCount++;
        Recorded();
        return true;
    }

    /// <summary>Cancels the token the source received.</summary>
    public void Cancel()
    {
        CanceledAt = _pacing.Now;
        CallProducer(
            static cts =>
            {
                cts.Cancel();
                return true;
            },
            _cts);
    }

    /// <summary>Calls into the producer; while this assertion drives a virtual clock, with no synchronization context.</summary>
    /// <remarks>
    /// The producer's awaits then capture no context, so the continuations a virtual timer wakes run inline while the
    /// clock fires it, and the clock never moves on before the producer reacted. With a context (xunit's, for one) they
    /// would be posted to another thread, and the assertion could advance the clock past them. Under a
    /// <see cref="VirtualTime"/> run the run's own context already makes this deterministic, and on real time
    /// nothing is driven, so the caller's context is kept. The call gets its <paramref name="state"/> passed in, so a
    /// static lambda allocates nothing per call.
    /// </remarks>
    private TResult CallProducer<TState, TResult>(Func<TState, TResult> call, TState state)
    {
        if (_tagsTimers)
        {
            using (VirtualClock.BeginTimerOwner(this))
            {
                return CallUntagged(call, state);
            }
        }

        return CallUntagged(call, state);
    }

    private TResult CallUntagged<TState, TResult>(Func<TState, TResult> call, TState state)
    {
        if (_virtual is not { IsInRun: false })
        {
            return call(state);
        }

        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return call(state);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    /// <summary>Cancels the token the source received when the virtual clock reaches <paramref name="at"/>.</summary>
    /// <returns>The timer that cancels; dispose it when the enumeration ends.</returns>
    public ITimer CancelAt(VirtualClock clock, TimeSpan at) =>
        clock.CreateTimer(
            _ =>
            {
                CanceledAt = clock.Elapsed;
                _cts.Cancel();
            },
            null,
            at > clock.Elapsed ? at - clock.Elapsed : TimeSpan.Zero,
            Timeout.InfiniteTimeSpan);

    /// <summary>Returns the exception a finished, unsuccessful task throws when awaited (the source's own OperationCanceledException too).</summary>
    private static Exception Unwrap(Task task)
    {
        try
        {
            task.GetAwaiter().GetResult();
            return new InvalidOperationException("The task did not fail.");
        }
#pragma warning disable CA1031 // Captured to be reported.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex;
        }
    }

    private void Fault(Exception ex)
    {
        End = EndKind.Faulted;
        Error = ex;
        Recorded();
    }

    /// <summary>Notes that the probe just recorded the event the assertion may point at.</summary>
    private void Recorded() => LastEventIndex = Timeline.Count - 1;
}
