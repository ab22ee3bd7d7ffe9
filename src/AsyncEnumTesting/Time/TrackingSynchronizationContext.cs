namespace AsyncEnumTesting;

/// <summary>Wraps a foreign synchronization context so a clock can tell when the continuations it woke have run.</summary>
/// <remarks>
/// xunit runs async tests on its own context, which runs posted work on other threads. Without this wrapper,
/// <c>AdvanceAsync</c> would return before woken code ran (FakeTimeProvider's best-known trap). The wrapper forwards
/// every call to the inner context and keeps itself current while a posted callback runs, so later awaits in the
/// same flow stay tracked.
/// </remarks>
internal sealed class TrackingSynchronizationContext : SynchronizationContext
{
    private TrackingSynchronizationContext(SynchronizationContext inner, WorkTracker tracker)
    {
        Inner = inner;
        Tracker = tracker;
    }

    /// <summary>Gets the wrapped context.</summary>
    public SynchronizationContext Inner { get; }

    /// <summary>Gets the tracker that counts this context's posted work.</summary>
    public WorkTracker Tracker { get; }

    /// <summary>Wraps the calling thread's current context for <paramref name="tracker"/>, unless there is nothing to wrap.</summary>
    public static void AdoptCurrent(WorkTracker tracker)
    {
        var current = Current;
        switch (current)
        {
            case null:
            case VirtualTimeContext:
                return;
            case TrackingSynchronizationContext tracking when tracking.Tracker == tracker:
                return;
            case TrackingSynchronizationContext tracking:
                SetSynchronizationContext(new TrackingSynchronizationContext(tracking.Inner, tracker));
                return;
            default:
                SetSynchronizationContext(new TrackingSynchronizationContext(current, tracker));
                return;
        }
    }

    /// <inheritdoc />
    public override void Post(SendOrPostCallback d, object? state)
    {
        Tracker.Started();
        try
        {
            Inner.Post(static s => ((PostedWork)s!).Run(), new PostedWork(this, d, state));
        }
        catch
        {
            Tracker.Completed();
            throw;
        }
    }

    /// <inheritdoc />
    public override void Send(SendOrPostCallback d, object? state) => Inner.Send(d, state);

    /// <inheritdoc />
    public override void OperationStarted() => Inner.OperationStarted();

    /// <inheritdoc />
    public override void OperationCompleted() => Inner.OperationCompleted();

    /// <inheritdoc />
    public override SynchronizationContext CreateCopy() => this;

    private sealed class PostedWork(TrackingSynchronizationContext owner, SendOrPostCallback callback, object? state)
    {
        public void Run()
        {
            var previous = Current;
            SetSynchronizationContext(owner);
            try
            {
                callback(state);
            }
            finally
            {
                SetSynchronizationContext(previous);
                owner.Tracker.Completed();
            }
        }
    }
}
