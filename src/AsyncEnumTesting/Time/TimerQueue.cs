namespace AsyncEnumTesting;

/// <summary>Orders scheduled timers by (due tick, creation sequence); not thread-safe, the clock holds its lock.</summary>
internal sealed class TimerQueue
{
    private readonly PriorityQueue<Entry, (long Due, long Sequence)> _heap = new();

    /// <summary>Gets how many timers are scheduled (stale heap entries are not counted).</summary>
    public int Count { get; private set; }

    /// <summary>Schedules <paramref name="timer"/> at its current <see cref="VirtualTimer.DueTicks"/>.</summary>
    public void Schedule(VirtualTimer timer)
    {
        if (timer.IsScheduled)
        {
            Count--;
        }

        timer.Version++;
        timer.IsScheduled = true;
        Count++;
        _heap.Enqueue(new Entry(timer, timer.Version), (timer.DueTicks, timer.Sequence));
    }

    /// <summary>Takes <paramref name="timer"/> out of the schedule; its heap entry goes stale.</summary>
    public void Unschedule(VirtualTimer timer)
    {
        if (!timer.IsScheduled)
        {
            return;
        }

        timer.Version++;
        timer.IsScheduled = false;
        Count--;
    }

    /// <summary>Returns the earliest scheduled timer without removing it.</summary>
    public bool TryPeek(out VirtualTimer timer)
    {
        while (_heap.TryPeek(out var entry, out _))
        {
            if (entry.Version == entry.Timer.Version && entry.Timer.IsScheduled)
            {
                timer = entry.Timer;
                return true;
            }

            _heap.Dequeue();
        }

        timer = null!;
        return false;
    }

    /// <summary>Removes and returns the earliest scheduled timer if it is due at or before <paramref name="limitTicks"/>.</summary>
    public bool TryTakeDue(long limitTicks, out VirtualTimer timer)
    {
        if (TryPeek(out timer) && timer.DueTicks <= limitTicks)
        {
            _heap.Dequeue();
            timer.IsScheduled = false;
            Count--;
            return true;
        }

        timer = null!;
        return false;
    }

    private readonly record struct Entry(VirtualTimer Timer, long Version);
}
