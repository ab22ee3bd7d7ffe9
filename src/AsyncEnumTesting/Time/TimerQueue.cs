namespace AsyncEnumTesting;

/// <summary>Orders scheduled timers by (due tick, creation sequence); not thread-safe, the clock holds its lock.</summary>
/// <remarks>
/// Timers are grouped per due tick: a small heap orders the distinct due ticks, and each tick keeps a bucket of timers
/// sorted by creation sequence (appending is the common case, since timers are mostly created in order). Thousands of
/// timers due at a few instants, the usual shape of a concurrent test, then cost a dictionary lookup and an append each
/// instead of a heap operation over all of them. Changed and disposed timers leave stale entries behind, which are
/// dropped when they reach the front.
/// </remarks>
internal sealed partial class TimerQueue
{
    private readonly PriorityQueue<long, long> _dues = new();
    private readonly Dictionary<long, Bucket> _buckets = [];
    private readonly Stack<Bucket> _spare = new();
    private readonly Stack<Entry[]> _segments = new();

    // The bucket of the earliest due tick, as last looked up: firing takes from it thousands of times in a row, so the
    // dictionary is asked once per instant instead of once per timer. Cleared when that bucket leaves the queue.
    private Bucket? _front;
    private long _frontDue;

    /// <summary>Gets how many timers are scheduled (stale entries are not counted).</summary>
    public int Count { get; private set; }

    /// <summary>Schedules <paramref name="timer"/> at <paramref name="dueTicks"/>; an earlier schedule of it goes stale.</summary>
    public void Schedule(VirtualTimer timer, long dueTicks)
    {
        if (timer.IsScheduled)
        {
            Count--;
        }

        var stamp = timer.MarkScheduled();
        Count++;
        if (!_buckets.TryGetValue(dueTicks, out var bucket))
        {
            bucket = _spare.TryPop(out var spare) ? spare : new Bucket(_segments);
            _buckets.Add(dueTicks, bucket);
            _dues.Enqueue(dueTicks, dueTicks);
        }

        bucket.Add(new Entry(timer, stamp));
    }

    /// <summary>Takes <paramref name="timer"/> out of the schedule; its entry goes stale.</summary>
    public void Unschedule(VirtualTimer timer)
    {
        if (!timer.IsScheduled)
        {
            return;
        }

        timer.MarkUnscheduled();
        Count--;
    }

    /// <summary>Returns the earliest scheduled timer and its due tick without removing it.</summary>
    public bool TryPeek(out VirtualTimer timer, out long dueTicks) => TryPeekFront(out timer, out dueTicks, out _);

    /// <summary>Removes and returns the earliest scheduled timer and its due tick if it is due at or before <paramref name="limitTicks"/>.</summary>
    public bool TryTakeDue(long limitTicks, out VirtualTimer timer, out long dueTicks)
    {
        if (TryPeekFront(out timer, out dueTicks, out var bucket) && dueTicks <= limitTicks)
        {
            bucket.Skip();
            timer.MarkUnscheduled();
            Count--;
            return true;
        }

        timer = null!;
        return false;
    }

    /// <summary>Counts the scheduled timers that <paramref name="match"/> accepts, at every due tick.</summary>
    public int CountLive(Func<VirtualTimer, bool> match)
    {
        var count = 0;
        foreach (var bucket in _buckets.Values)
        {
            count += bucket.CountLive(match);
        }

        return count;
    }

    /// <summary>Counts the live timers due at the earliest due tick (ties that schedule exploration may reorder).</summary>
    public int CountDueFirst() => TryPeekFront(out _, out _, out var bucket) ? bucket.CountLive() : 0;

    /// <summary>Returns the <paramref name="index"/>-th live timer (in creation order) of the earliest due tick.</summary>
    public VirtualTimer? PeekDueFirst(int index) =>
        TryPeekFront(out _, out _, out var bucket) && bucket.TryGetLive(index, out var timer) ? timer : null;

    /// <summary>Removes and returns the <paramref name="index"/>-th live timer (in creation order) of the earliest due tick.</summary>
    public bool TryTakeDueFirst(long limitTicks, int index, out VirtualTimer timer, out long dueTicks)
    {
        if (index == 0)
        {
            return TryTakeDue(limitTicks, out timer, out dueTicks);
        }

        if (TryPeekFront(out _, out dueTicks, out var bucket) && dueTicks <= limitTicks && bucket.TryGetLive(index, out timer))
        {
            // Out of order: the entry goes stale where it stands, as when a timer is unscheduled.
            timer.MarkUnscheduled();
            Count--;
            return true;
        }

        timer = null!;
        return false;
    }

    /// <summary>Finds the earliest live timer, dropping the buckets in front of it that hold only fired or stale entries.</summary>
    private bool TryPeekFront(out VirtualTimer timer, out long dueTicks, out Bucket bucket)
    {
        while (_dues.TryPeek(out dueTicks, out _))
        {
            if (_front is null || _frontDue != dueTicks)
            {
                (_front, _frontDue) = (_buckets[dueTicks], dueTicks);
            }

            bucket = _front;
            if (bucket.TryPeekLive(out timer))
            {
                return true;
            }

            _front = null;
            _dues.Dequeue();
            _buckets.Remove(dueTicks);
            bucket.Clear();
            _spare.Push(bucket);
        }

        (timer, dueTicks, bucket) = (null!, 0, null!);
        return false;
    }

    /// <summary>A timer as it was queued: live while the timer still carries the stamp it was queued with.</summary>
    private readonly record struct Entry(VirtualTimer Timer, long Stamp)
    {
        public bool IsLive => Stamp == Timer.Stamp;
    }
}
