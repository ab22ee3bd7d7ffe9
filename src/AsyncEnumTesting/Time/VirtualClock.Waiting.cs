namespace AsyncEnumTesting;

/// <summary>How a bounded wait on a clock (<see cref="VirtualClock.WaitAsync"/>) ended.</summary>
public enum WaitEnd
{
    /// <summary>The task finished (in any state).</summary>
    Completed,

    /// <summary>The virtual limit passed first.</summary>
    VirtualLimit,

    /// <summary>The real-time limit passed first (inside a run, or on real time).</summary>
    RealLimit,

    /// <summary>Nothing could happen any more: no timer pending and nothing completed the task within the real-time grace.</summary>
    NothingPending,

    /// <summary>Driving the clock failed for another reason (an endless timer loop, a stuck woken continuation).</summary>
    ClockFailed,
}

/// <summary>The outcome of a bounded wait (<see cref="VirtualClock.WaitAsync"/>): how it ended, and the clock's own diagnosis when driving it failed.</summary>
public readonly struct WaitOutcome
{
    internal WaitOutcome(WaitEnd end, VirtualTimeException? failure = null)
    {
        End = end;
        Failure = failure;
    }

    /// <summary>Gets how the wait ended.</summary>
    public WaitEnd End { get; }

    /// <summary>Gets the clock's diagnosis when the wait drove the clock and that failed (a limit, nothing pending, an endless timer loop); otherwise <see langword="null"/>.</summary>
    public VirtualTimeException? Failure { get; }
}

/// <content>The one engine for "wait for this while the clock moves, bounded in virtual and real time".</content>
public sealed partial class VirtualClock
{
    /// <summary>Gets a value indicating whether a <see cref="VirtualTime"/> run moves this clock now, rather than each wait (<see cref="WaitAsync"/>) itself.</summary>
    /// <remarks>
    /// An integration that calls into code under test while it waits on the clock itself (no run) calls it without a
    /// <see cref="SynchronizationContext"/>, so that continuations a fired timer wakes run before the clock moves on;
    /// inside a run the run's own context already makes the order exact.
    /// </remarks>
    public bool IsInRun => Runner is not null;

    /// <summary>Waits for <paramref name="task"/>: inside a run the run moves the clock and a kit deadline bounds virtual
    /// time; otherwise this wait drives the clock itself, timer by timer. Never throws for the task's own failure.</summary>
    /// <param name="task">What the kit waits for: a pending <c>MoveNextAsync</c>, a disposal, a demand.</param>
    /// <param name="virtualLimit">How much virtual time may pass; <see langword="null"/> for no virtual limit.</param>
    /// <param name="realLimit">How long in real time (<see cref="Timeout.InfiniteTimeSpan"/> for no limit): inside a run the
    /// whole wait; otherwise the grace for work the clock cannot see when no timer is pending (the clock's
    /// <see cref="RealTimeGrace"/> when that is shorter).</param>
    /// <returns>How the wait ended; read the task's own outcome from the task.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>Resumes on the caller's context: inside a run, a continuation sent to the thread pool could let the clock move first.</para>
    /// <para>
    /// This is the wait the kit's reader and assertions use; an integration for another assertion library waits for a
    /// pending <c>MoveNextAsync</c> the same way. Unlike <c>task.WaitAsync(timeout, clock)</c>, which waits for someone
    /// else to move the clock, this wait moves it when no run does.
    /// </para>
    /// </remarks>
    /// <example><code>var outcome = await clock.WaitAsync(moveNext, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);</code></example>
    public async Task<WaitOutcome> WaitAsync(Task task, TimeSpan? virtualLimit, TimeSpan realLimit)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.IsCompleted)
        {
            return new(WaitEnd.Completed);
        }

        if (Runner is not null)
        {
            using var stop = new CancellationTokenSource();
            var bound = virtualLimit is { } limit ? DeadlineAsync(limit, stop.Token) : Task.Delay(Timeout.Infinite, stop.Token);
            var real = Task.Delay(realLimit, System, stop.Token);
            var first = await Task.WhenAny(task, bound, real).ConfigureAwait(true);
            WithoutContext.Cancel(stop); // synchronously, so the deadline's timer is gone before the run could fire it
            return new(task.IsCompleted ? WaitEnd.Completed : first == bound ? WaitEnd.VirtualLimit : WaitEnd.RealLimit);
        }

        var startTicks = NowTicks;
        try
        {
            var driven = task as Task<bool> ?? task.ContinueWith(static _ => true, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            await DriveAsync(driven, virtualLimit, realLimit > TimeSpan.Zero && realLimit < RealTimeGrace ? realLimit : RealTimeGrace).ConfigureAwait(true);
            return new(WaitEnd.Completed);
        }
        catch (VirtualTimeException ex) when (!task.IsCompleted)
        {
            if (virtualLimit is { } limit && NowTicks - startTicks >= limit.Ticks)
            {
                return new(WaitEnd.VirtualLimit, ex);
            }

            return new(PendingTimerCount == 0 ? WaitEnd.NothingPending : WaitEnd.ClockFailed, ex);
        }
#pragma warning disable CA1031 // The task's own failure: the caller reads it from the task.
        catch (Exception) when (task.IsCompleted)
#pragma warning restore CA1031
        {
            return new(WaitEnd.Completed);
        }
    }
}
