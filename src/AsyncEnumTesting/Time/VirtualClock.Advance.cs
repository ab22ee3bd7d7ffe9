using System.Diagnostics;

namespace AsyncEnumTesting;

/// <content>Manual driving: advancing the clock and waiting for the work each timer wakes.</content>
public sealed partial class VirtualClock
{
    private int _advancing;

    /// <summary>Gets a value indicating whether an <see cref="AdvanceAsync"/> call is in progress.</summary>
    internal bool IsAdvancing => Volatile.Read(ref _advancing) != 0;

    /// <summary>Advances the clock by <paramref name="span"/>, firing every timer that falls due on the way.</summary>
    /// <param name="span">How far to move; zero fires only the timers already due.</param>
    /// <returns>A task that completes once the clock stands at the target and all work the timers woke has run.</returns>
    /// <remarks>
    /// <para>
    /// Timers fire one at a time, in (due time, creation order). After each one the clock waits until every
    /// continuation it woke has run, including continuations that schedule new timers falling due inside the same
    /// span, which then fire in turn. Waited for: continuations that capture no context (they run inline, inside the
    /// firing), continuations posted to the synchronization context that was current where the clock was created or a
    /// timer was made (xunit's, for a plain <c>async Task</c> test). Not waited for: work on the thread pool (<c>Task.Run</c>,
    /// or continuations the runtime sends there).
    /// </para>
    /// <para>
    /// Inside a <see cref="VirtualTime"/> run's body, the advance is a timer at the target that the run fires like any other:
    /// the run settles before each timer, so work of the run on the thread pool is waited for there too, and concurrent
    /// advances inside one run are allowed (each returns once its own span has passed).
    /// </para>
    /// <para>
    /// On a foreign context each woken continuation costs a real thread hop, about a millisecond on a busy machine:
    /// thousands of ticks on xunit's context take seconds, where the same test under
    /// <see cref="VirtualTime.RunAsync(Func{VirtualClock, Task}, VirtualTimeOptions?)"/> or with no context takes milliseconds.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="span"/> is negative, or would move the clock past <see cref="DateTimeOffset.MaxValue"/>.</exception>
    /// <exception cref="InvalidOperationException">Another advance of this clock is still running, or a virtual-time run drives the clock from another thread.</exception>
    /// <exception cref="VirtualTimeException">Woken work did not finish within <see cref="RealTimeGrace"/> of real time.</exception>
    public Task AdvanceAsync(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(span),
                span,
                $"Cannot advance by a negative span ({span}): time only moves forward. The virtual clock is at {TimeFormat.Elapsed(Elapsed)} ({TimeFormat.Instant(GetUtcNow())}).");
        }

        var room = (DateTimeOffset.MaxValue - _start).Ticks - NowTicks;
        if (span.Ticks > room)
        {
            throw new ArgumentOutOfRangeException(
                nameof(span),
                span,
                $"Cannot advance by {span}: the virtual clock is at {TimeFormat.Elapsed(Elapsed)} ({TimeFormat.Instant(GetUtcNow())}) and would pass DateTimeOffset.MaxValue. Advance by at most {TimeSpan.FromTicks(room)}.");
        }

        return AdvanceCoreAsync(NowTicks + span.Ticks);
    }

    /// <summary>Advances the clock to <paramref name="target"/>, firing every timer that falls due on the way.</summary>
    /// <param name="target">The instant to stand at afterwards; the current instant fires only the timers already due.</param>
    /// <returns>A task that completes once the clock stands at the target and all work the timers woke has run.</returns>
    /// <remarks>See <see cref="AdvanceAsync"/> for the order in which timers fire and what is waited for.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is earlier than the current virtual time.</exception>
    /// <exception cref="InvalidOperationException">Another advance of this clock is still running, or a virtual-time run drives the clock from another thread.</exception>
    /// <exception cref="VirtualTimeException">Woken work did not finish within <see cref="RealTimeGrace"/> of real time.</exception>
    public Task AdvanceToAsync(DateTimeOffset target)
    {
        var now = GetUtcNow();
        if (target < now)
        {
            throw new ArgumentOutOfRangeException(
                nameof(target),
                target,
                $"Cannot go back in time: the virtual clock is at {TimeFormat.Elapsed(Elapsed)} ({TimeFormat.Instant(now)}) and the target {TimeFormat.Instant(target)} is earlier.");
        }

        return AdvanceCoreAsync((target - _start).Ticks);
    }

    private Task AdvanceCoreAsync(long targetTicks)
    {
        if (Runner is { } runner && !runner.IsOnPumpThread)
        {
            throw new InvalidOperationException(
                "This VirtualClock is driven by VirtualTime.RunAsync, which moves it whenever the run is idle; advancing it from outside the run " +
                "would move time under the run's feet. Advance it from inside the run's body (await clock.AdvanceAsync(...) there), or use a separate clock.");
        }

        if (Runner is not null)
        {
            // Inside the run's body: no flag, since the run itself moves the clock to the target (see AdvanceOnRunAsync).
            return AdvanceOnRunAsync(targetTicks);
        }

        if (Interlocked.Exchange(ref _advancing, 1) != 0)
        {
            throw new InvalidOperationException(
                "The virtual clock is already being advanced. Await the first AdvanceAsync call before advancing again, " +
                "and do not advance a clock that VirtualTime.RunAsync is driving from another thread.");
        }

        return RunAdvanceAsync(targetTicks);
    }

    private async Task RunAdvanceAsync(long targetTicks)
    {
        try
        {
            await SettleAsync().ConfigureAwait(false);
            while (TryFireNext(targetTicks))
            {
                // Checked here too, so a firing that woke nothing on a foreign context costs no call and no await.
                if (Tracker.Pending != 0)
                {
                    await SettleAsync().ConfigureAwait(false);
                }
            }

            MoveTo(targetTicks);
        }
        finally
        {
            Volatile.Write(ref _advancing, 0);
        }
    }

    /// <summary>Advances from inside a run's body: a timer at the target, which the run fires like any other.</summary>
    /// <remarks>
    /// The run settles before each timer it fires, so work of the run on the thread pool (a <c>Task.Run</c> continuation of a
    /// timer on the way) runs first; firing the timers here directly would skip that. A second timer, due at once when the
    /// first fired, lets the timers due at the target that were created later fire too before the advance returns. The
    /// awaits resume on the run's context, never leaving its thread.
    /// </remarks>
    private async Task AdvanceOnRunAsync(long targetTicks)
    {
        await TimerAsync(TimeSpan.FromTicks(targetTicks - NowTicks)).ConfigureAwait(true);
        await TimerAsync(TimeSpan.Zero).ConfigureAwait(true);
    }

    /// <summary>Returns a task that a timer of this clock completes after <paramref name="dueTime"/>.</summary>
    private async Task TimerAsync(TimeSpan dueTime)
    {
        var fired = new TaskCompletionSource();
        using var timer = CreateTimer(static f => ((TaskCompletionSource)f!).TrySetResult(), fired, dueTime, Timeout.InfiniteTimeSpan);
        await fired.Task.ConfigureAwait(true);
    }

    /// <summary>Waits until the work woken so far on foreign synchronization contexts has run.</summary>
    private async Task SettleAsync()
    {
        if (Tracker.Pending == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await Tracker.WhenQuietAsync().WaitAsync(RealTimeGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            if (Tracker.Pending == 0)
            {
                // Only work still running is a finding. On a loaded machine the timeout's own continuation can run late,
                // after the woken work finished: that work was slow, not blocked, and the advance goes on.
                return;
            }

            throw new VirtualTimeException(
                $"AdvanceAsync waited {TimeFormat.RealSeconds(Stopwatch.GetElapsedTime(started))} of real time for the work that timers woke " +
                $"to finish, and {Tracker.Pending} continuation(s) are still running. Virtual time reached {TimeFormat.Elapsed(Elapsed)} after " +
                $"{TimerFirings} timer firing(s). A continuation blocks on something virtual time cannot complete: Thread.Sleep, " +
                "task.Wait() or .Result, a lock, or real I/O. Raise VirtualClock.RealTimeGrace only if that work is slow but finite.");
        }
    }
}
