namespace AsyncEnumTesting;

/// <content>Firing: what the drivers (a run's loop, <see cref="AdvanceAsync"/>, the bounded waits) call to look at the next
/// timer, fire it, or move the clock without firing.</content>
public sealed partial class VirtualClock
{
    /// <summary>Gets the creation number (from 1) of the next timer due, for schedule reports; 0 when none is pending.</summary>
    internal long NextTimerSequence
    {
        get
        {
            lock (_gate)
            {
                return _timers.TryPeek(out var timer, out _) ? timer.Sequence + 1 : 0;
            }
        }
    }

    /// <summary>Returns the tick of the next due timer.</summary>
    internal bool TryPeekNextDue(out long dueTicks) => TryPeekNext(out dueTicks, out _);

    /// <summary>Returns the tick of the next due timer and whether it is one of the kit's own deadlines.</summary>
    internal bool TryPeekNext(out long dueTicks, out bool isDeadline)
    {
        lock (_gate)
        {
            if (_timers.TryPeek(out var timer, out dueTicks))
            {
                isDeadline = timer.IsDeadline;
                return true;
            }
        }

        dueTicks = 0;
        isDeadline = false;
        return false;
    }

    /// <summary>Fires the earliest timer due at or before <paramref name="limitTicks"/>, moving the clock to its due time.</summary>
    /// <returns><see langword="true"/> when a timer fired.</returns>
    /// <remarks>
    /// The callback runs with no synchronization context on purpose: the runtime inlines a continuation that captured
    /// no context (<c>ConfigureAwait(false)</c>) only where no special context is current, so such continuations run
    /// here, before this method returns, instead of on the thread pool. Continuations that captured a context are
    /// posted to it (the run's queue, or a foreign context that <see cref="Tracker"/> counts).
    /// </remarks>
    internal bool TryFireNext(long limitTicks) => TryFireNext(limitTicks, null);

    /// <summary>Fires the earliest due timer, or, with a <paramref name="schedule"/>, the one it picks among the timers due
    /// at that same instant.</summary>
    internal bool TryFireNext(long limitTicks, Schedule? schedule)
    {
        VirtualTimer timer;
        var moved = false;
        lock (_gate)
        {
            var pick = 0;
            if (schedule is not null && _timers.CountDueFirst() is > 1 and var ties && _timers.TryPeek(out var first, out var firstDue) && firstDue <= limitTicks)
            {
                // The decision is made at the instant the tied timers are due (the clock moves there as one of them fires).
                pick = schedule.Choose(ScheduleChoice.Timer, ties, Math.Max(_nowTicks, firstDue));
                if (pick != 0)
                {
                    var (taken, passed) = (_timers.PeekDueFirst(pick)?.Sequence ?? -1, first.Sequence);
                    schedule.DescribeLast(i => schedule.TimerName(i == 0 ? passed : taken));
                }
            }

            if (!_timers.TryTakeDueFirst(limitTicks, pick, out timer, out var dueTicks))
            {
                return false;
            }

            if (dueTicks > _nowTicks)
            {
                Volatile.Write(ref _nowTicks, dueTicks);
                moved = true;
            }

            if (timer.PeriodTicks is > 0 and var period)
            {
                _timers.Schedule(timer, dueTicks + period);
            }

            _firings++;
        }

        // No NoteDriving: the undriven watchdog counts firings as driving (one atomic operation less per timer).
        if (moved)
        {
            OnMoved();
        }

        WithoutContext.Run(static t => ((VirtualTimer)t!).Invoke(), timer);
        return true;
    }

    /// <summary>Moves the clock forward to <paramref name="ticks"/> without firing anything.</summary>
    internal void MoveTo(long ticks)
    {
        lock (_gate)
        {
            if (ticks <= _nowTicks)
            {
                return;
            }

            Volatile.Write(ref _nowTicks, ticks);
        }

        NoteDriving();
        OnMoved();
    }
}
