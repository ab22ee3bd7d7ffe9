#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <summary>Bounds every wait of an assertion: virtual time when a <see cref="VirtualClock"/> drives the source, real time otherwise.</summary>
/// <remarks>
/// Assertion code resumes on the caller's context (<c>ConfigureAwait(true)</c>) throughout: under a
/// <see cref="VirtualTime"/> run that context is the run's single thread, and resuming anywhere else would let the
/// run move the clock while the assertion is still busy.
/// </remarks>
/// <param name="Clock">The clock the source runs on, or <see langword="null"/> when it runs on real time.</param>
/// <param name="TimeLimit">How long one wait may take; <see langword="null"/> for the kit's default of the clock kind.</param>
internal sealed record Pacing(TimeProvider? Clock, TimeSpan? TimeLimit)
{

    /// <summary>Gets the virtual clock, if the source runs on one.</summary>
    public VirtualClock? Virtual => Clock as VirtualClock;

    /// <summary>Gets how long one wait may take.</summary>
    /// <remarks>The kit has one set of defaults for a wait for the next event, the reader's: 5 s of real time, 1 h of virtual time.</remarks>
    public TimeSpan Limit => TimeLimit ?? (Virtual is null ? AsyncSequenceReaderOptions.Default.RealTimeLimit : AsyncSequenceReaderOptions.Default.VirtualTimeLimit);

    /// <summary>Gets the virtual time now, or <see langword="null"/> on real time.</summary>
    public TimeSpan? Now => Virtual?.Elapsed;

    /// <summary>Waits for <paramref name="task"/> to finish, in any state, for at most <paramref name="limit"/>.</summary>
    /// <returns><see langword="null"/> when the task finished; otherwise why the wait gave up, in words.</returns>
    public Task<string?> WaitAsync(Task task, TimeSpan? limit = null) =>
        WaitAsync(task as Task<bool> ?? task.ContinueWith(static _ => true, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default), limit);

    /// <summary>Waits for <paramref name="task"/> to finish, in any state, for at most <paramref name="limit"/>.</summary>
    /// <returns><see langword="null"/> when the task finished; otherwise why the wait gave up, in words.</returns>
    /// <remarks>
    /// Never resumes through <c>ConfigureAwait(false)</c>: when a task completes on a thread with a synchronization context
    /// (a run's), such a continuation is queued to the thread pool instead of running inline, and the clock could move on
    /// before it ran.
    /// </remarks>
    public async Task<string?> WaitAsync(Task<bool> task, TimeSpan? limit = null)
    {
        var bound = limit ?? Limit;
        if (task.IsCompleted)
        {
            return null;
        }

        const ConfigureAwaitOptions Quietly = ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext;
        if (Virtual is { } clock)
        {
            // The clock's one wait engine: inside a run a kit deadline (fired after a quiet real-time grace) bounds virtual
            // time and the run's own guards bound real time; otherwise it drives the clock timer by timer.
            var outcome = await clock.WaitAsync(task, bound, System.Threading.Timeout.InfiniteTimeSpan).ConfigureAwait(true);
            return task.IsCompleted || outcome.End == WaitEnd.Completed
                ? null
                : outcome.End == WaitEnd.NothingPending
                    ? $"nothing can happen any more in virtual time: no timer is pending on the clock at {TimeFormat.Elapsed(clock.Elapsed)} " +
                      $"and nothing completed the wait within {TimeFormat.RealSeconds(clock.RealTimeGrace)} of real time: " + Advice.RealTime
                    : outcome.End == WaitEnd.VirtualLimit || outcome.Failure is null
                        ? $"it did not yield or end within {TimeFormat.Elapsed(bound)} of virtual time (the clock stands at {TimeFormat.Elapsed(clock.Elapsed)})" +
                          Advice.NothingPendingInRun(clock)
                        : "the virtual clock failed: " + outcome.Failure.Message;
        }

        await ((Task)task).WaitAsync(bound).ConfigureAwait(Quietly);
        return task.IsCompleted
            ? null
            : $"it did not yield or end within {TimeFormat.RealSeconds(bound)} of real time (if the source runs on a VirtualClock, pass it: Should(clock))";
    }
}
