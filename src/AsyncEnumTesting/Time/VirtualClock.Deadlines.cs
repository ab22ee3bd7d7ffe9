namespace AsyncEnumTesting;

/// <content>The kit's own deadlines: timers a run fires only after a quiet real-time grace.</content>
public sealed partial class VirtualClock
{
    /// <summary>Creates a one-shot timer for one of the kit's own deadlines (a reader's or an assertion's timeout).</summary>
    /// <remarks>
    /// A runner fires such a timer only after the run stayed quiet for its real-time grace, so that real work it cannot
    /// see (real I/O, a real delay in code under test) is not mistaken for a stall; the code's own timers fire at once.
    /// </remarks>
    internal ITimer CreateDeadlineTimer(TimerCallback callback, object? state, TimeSpan dueTime)
    {
        var timer = (VirtualTimer)CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        timer.IsDeadline = true;
        timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        return timer;
    }

    /// <summary>Returns a task that completes when the kit deadline <paramref name="dueTime"/> from now passes.</summary>
    /// <remarks>Canceling <paramref name="cancellationToken"/> removes the deadline's timer at once, before the run could fire it.</remarks>
    internal Task DeadlineAsync(TimeSpan dueTime, CancellationToken cancellationToken)
    {
        var passed = new TaskCompletionSource();
        var timer = CreateDeadlineTimer(static p => ((TaskCompletionSource)p!).TrySetResult(), passed, dueTime);
        cancellationToken.Register(
            static s =>
            {
                var (timer, passed) = ((ITimer, TaskCompletionSource))s!;
                timer.Dispose();
                passed.TrySetCanceled();
            },
            (timer, passed));
        return passed.Task;
    }
}
