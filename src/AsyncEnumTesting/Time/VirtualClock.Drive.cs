using System.Diagnostics;

namespace AsyncEnumTesting;

/// <content>Driving the clock until a task completes: what readers and assertions do while they wait on a fake.</content>
public sealed partial class VirtualClock
{
    private TaskCompletionSource? _timerScheduled;

    /// <summary>Awaits <paramref name="task"/>, advancing the clock one timer at a time while nothing else can complete it.</summary>
    /// <param name="task">The task to wait for, usually a pending <c>MoveNextAsync</c>.</param>
    /// <param name="virtualLimit">How much virtual time may pass before giving up; <see langword="null"/> for no limit.</param>
    /// <param name="realGrace">How long to wait in real time when no timer is pending (work on other threads).</param>
    /// <returns>The task's result.</returns>
    /// <exception cref="VirtualTimeException">The task cannot complete in virtual time, or the limit passed first.</exception>
    /// <remarks>
    /// Under <see cref="VirtualTime.RunAsync(Func{VirtualClock, Task}, VirtualTimeOptions?)"/> the runner already moves
    /// the clock, so this only awaits. Otherwise it plays the runner's part for the duration of the wait.
    /// </remarks>
    internal async Task<T> DriveAsync<T>(Task<T> task, TimeSpan? virtualLimit, TimeSpan realGrace)
    {
        if (Runner is not null || task.IsCompleted)
        {
            return await task.ConfigureAwait(false);
        }

        using var driving = Driving();
        var startTicks = NowTicks;
        var startFirings = TimerFirings;
        var limitTicks = virtualLimit is { } limit ? startTicks + limit.Ticks : long.MaxValue;
        long? quietSince = null;
        while (!task.IsCompleted)
        {
            if (TimerFirings - startFirings >= VirtualTimeOptions.Default.MaxTimerFirings)
            {
                throw new VirtualTimeException(
                    $"Nothing completed the wait after {VirtualTimeOptions.Default.MaxTimerFirings:N0} timer firings: an endless timer loop (a poll " +
                    $"without a stop condition?) keeps the clock busy. The clock moved from {TimeFormat.Elapsed(TimeSpan.FromTicks(startTicks))} to " +
                    $"{TimeFormat.Elapsed(Elapsed)}.");
            }

            await AdvanceAsync(TimeSpan.Zero).ConfigureAwait(false);
            if (task.IsCompleted)
            {
                break;
            }

            if (TryPeekNextDue(out var due))
            {
                if (due <= limitTicks)
                {
                    await AdvanceToAsync(_start.AddTicks(due)).ConfigureAwait(false);
                    quietSince = null;
                    continue;
                }

                // Past the limit is a failure: first give real work the clock cannot see (real I/O, a real delay) its grace.
                await ((Task)task).WaitAsync(realGrace).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (task.IsCompleted)
                {
                    break;
                }

                await AdvanceToAsync(_start.AddTicks(limitTicks)).ConfigureAwait(false);
                if (task.IsCompleted)
                {
                    break;
                }

                throw new VirtualTimeException(
                    $"Nothing happened within {TimeFormat.Elapsed(virtualLimit!.Value)} of virtual time: the clock moved from " +
                    $"{TimeFormat.Elapsed(TimeSpan.FromTicks(startTicks))} to {TimeFormat.Elapsed(Elapsed)} and the next timer is due later.");
            }

            // No timer is pending: only work on other threads can still complete the task, or schedule a timer that can (a
            // producer started with Task.Run creating its first delay): either ends the wait, and the loop goes on.
            // The grace counts from the last firing, so timers scheduled and canceled again without end cannot stretch it.
            quietSince ??= Stopwatch.GetTimestamp();
            var scheduled = WhenTimerScheduled();
            var left = realGrace - Stopwatch.GetElapsedTime(quietSince.Value);
            if (left > TimeSpan.Zero)
            {
                await ((Task)Task.WhenAny(task, scheduled)).WaitAsync(left).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (scheduled.IsCompleted && !task.IsCompleted)
                {
                    continue;
                }
            }

            if (!task.IsCompleted)
            {
                throw new VirtualTimeException(
                    $"Nothing can happen any more in virtual time: no timer is pending on the clock and nothing completed the wait " +
                    $"within {TimeFormat.RealSeconds(realGrace)} of real time. The clock stands at {TimeFormat.Elapsed(Elapsed)}. " +
                    "The code under test may use real time (Task.Delay without the clock) or wait on something nothing completes.");
            }
        }

        return await task.ConfigureAwait(false);
    }

    /// <summary>Returns a task that completes when a timer is scheduled on this clock, at once when one is pending already.</summary>
    /// <remarks>One signal for every wait that drives the clock; scheduling a timer completes it and the next wait makes a new one.</remarks>
    private Task WhenTimerScheduled()
    {
        lock (_gate)
        {
            if (TryPeekNextDue(out _))
            {
                return Task.CompletedTask;
            }

            if (_timerScheduled is not { Task.IsCompleted: false } signal)
            {
                signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _timerScheduled = signal;
            }

            return signal.Task;
        }
    }
}
