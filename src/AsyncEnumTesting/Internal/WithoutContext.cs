namespace AsyncEnumTesting;

/// <summary>Runs kit actions that complete other code's tasks with no synchronization context, as a timer would.</summary>
/// <remarks>
/// A task completed on a thread that has a synchronization context (a virtual-time run's, xunit's) queues the
/// continuations that captured none (<c>ConfigureAwait(false)</c>) to the thread pool instead of running them inline,
/// where a run cannot see them before they start and might move the clock first. With no context they run inline,
/// before the action returns, exactly as when a virtual timer fires.
/// </remarks>
internal static class WithoutContext
{
    /// <summary>Cancels <paramref name="source"/>, running the callbacks and inline continuations before returning.</summary>
    public static void Cancel(CancellationTokenSource source) => Run(static s => ((CancellationTokenSource)s!).Cancel(), source);

    /// <summary>Runs <paramref name="action"/> with no synchronization context current, then restores the caller's.</summary>
    public static void Run(Action<object?> action, object? state)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            action(state);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }
}
