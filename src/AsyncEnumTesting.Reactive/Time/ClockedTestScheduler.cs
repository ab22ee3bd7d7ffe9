using System.Reactive.Concurrency;
using Microsoft.Reactive.Testing;

namespace AsyncEnumTesting.Reactive;

/// <summary>A <see cref="TestScheduler"/> that follows a <see cref="VirtualClock"/>: its clock is the virtual elapsed ticks, its work runs on the clock's timers.</summary>
internal sealed class ClockedTestScheduler : TestScheduler
{
    private readonly VirtualClock _clock;

    public ClockedTestScheduler(VirtualClock clock)
    {
        _clock = clock;
        Clock = clock.Elapsed.Ticks;

        // Keep Clock equal to the virtual time even when other timers (an async Task.Delay) move it: ColdObservable
        // stamps subscriptions and schedules relative work from Clock directly.
        clock.Moved += (_, _) => CatchUp();
    }

    /// <inheritdoc />
    public override IDisposable ScheduleAbsolute<TState>(TState state, long dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        CatchUp();

        // TestScheduler runs work scheduled for now (or the past) one tick later; the timer must match.
        var due = dueTime <= Clock ? Clock + 1 : dueTime;
        var item = base.ScheduleAbsolute(state, due, action);
        var timer = _clock.CreateTimer(
            static s => ((Wakeup)s!).Run(),
            new Wakeup(this, due),
            TimeSpan.FromTicks(Math.Max(0, due - _clock.Elapsed.Ticks)),
            Timeout.InfiniteTimeSpan);
        return new ScheduledWork(item, timer);
    }

    /// <inheritdoc />
    protected override DateTimeOffset ToDateTimeOffset(long absolute) => _clock.Start.AddTicks(absolute);

    /// <summary>Returns the next item due, or refuses the scheduler's own <c>Start</c>, <c>AdvanceBy</c> and <c>AdvanceTo</c>.</summary>
    /// <returns>The earliest item not canceled, or <see langword="null"/>.</returns>
    /// <exception cref="InvalidOperationException">The scheduler's own loop asks: <c>Start</c>, <c>AdvanceBy</c> or <c>AdvanceTo</c> was called.</exception>
    protected override IScheduledItem<long>? GetNext()
    {
        // Those three are not virtual, but they enable the scheduler and then ask here, before any work ran or Clock moved:
        // the first point where a misuse can be refused with nothing lost. RunDue asks with the scheduler disabled.
        if (IsEnabled)
        {
            // The exception leaves the base loop with the scheduler enabled, and an enabled scheduler would never run again.
            Stop();
            throw new InvalidOperationException(
                $"The TestScheduler follows a VirtualClock (clock.CreateTestScheduler()), so its own Start, AdvanceBy and AdvanceTo cannot be used: "
                + $"they would run Rx work without the clock and move the scheduler's clock away from the VirtualClock. Nothing was run; both clocks stay at {TimeFormat.Elapsed(_clock.Elapsed)}. "
                + "Advance the VirtualClock instead: await clock.AdvanceAsync(...), or let VirtualTime.RunAsync move it.");
        }

        return base.GetNext();
    }

    private void CatchUp()
    {
        var now = _clock.Elapsed.Ticks;
        if (Clock > now)
        {
            // Only Sleep moves Clock past the clock: the work items and this method never do, and GetNext refuses the rest.
            throw new InvalidOperationException(
                $"The TestScheduler's clock is at {TimeFormat.Elapsed(TimeSpan.FromTicks(Clock))} while its VirtualClock is at {TimeFormat.Elapsed(TimeSpan.FromTicks(now))}: "
                + "the scheduler's own Sleep moved it, but it follows the VirtualClock (clock.CreateTestScheduler()). "
                + "Advance the VirtualClock instead: await clock.AdvanceAsync(...), or let VirtualTime.RunAsync move it.");
        }

        if (Clock < now)
        {
            Clock = now;
        }
    }

    /// <summary>Runs every item due at or before <paramref name="due"/>, in the scheduler's order.</summary>
    private void RunDue(long due)
    {
        // AdvanceTo would skip the items due exactly now, because CatchUp already moved Clock to this instant.
        if (IsEnabled)
        {
            return;
        }

        while (GetNext() is { } next && next.DueTime <= due)
        {
            if (next.DueTime > Clock)
            {
                Clock = next.DueTime;
            }

            next.Invoke();
        }

        CatchUp();
    }

    private sealed class Wakeup(ClockedTestScheduler scheduler, long due)
    {
        public void Run() => scheduler.RunDue(due);
    }

    /// <summary>Cancels the scheduled item and its timer together, so the clock does not jump to work that will never run.</summary>
    private sealed class ScheduledWork(IDisposable item, ITimer timer) : IDisposable
    {
        public void Dispose()
        {
            item.Dispose();
            timer.Dispose();
        }
    }
}
