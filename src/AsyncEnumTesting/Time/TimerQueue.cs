namespace AsyncEnumTesting;

/// <summary>Orders scheduled timers by (due tick, creation sequence); not thread-safe, the clock holds its lock.</summary>
/// <remarks>
/// Timers are grouped per due tick: a small heap orders the distinct due ticks, and each tick keeps a bucket of timers
/// sorted by creation sequence (appending is the common case, since timers are mostly created in order). Thousands of
/// timers due at a few instants, the usual shape of a concurrent test, then cost a dictionary lookup and an append each
/// instead of a heap operation over all of them. Changed and disposed timers leave stale entries behind, which are
/// dropped when they reach the front.
/// </remarks>
internal sealed class TimerQueue
{
    private readonly PriorityQueue<long, long> _dues = new();
    private readonly Dictionary<long, Bucket> _buckets = [];
    private readonly Stack<Bucket> _spare = new();

    /// <summary>Gets how many timers are scheduled (stale entries are not counted).</summary>
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
        if (!_buckets.TryGetValue(timer.DueTicks, out var bucket))
        {
            bucket = _spare.TryPop(out var spare) ? spare : new Bucket();
            _buckets.Add(timer.DueTicks, bucket);
            _dues.Enqueue(timer.DueTicks, timer.DueTicks);
        }

        bucket.Add(new Entry(timer, timer.Version));
    }

    /// <summary>Takes <paramref name="timer"/> out of the schedule; its entry goes stale.</summary>
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
        while (_dues.TryPeek(out var due, out _))
        {
            var bucket = _buckets[due];
            if (bucket.TryPeekLive(out timer))
            {
                return true;
            }

            _dues.Dequeue();
            _buckets.Remove(due);
            bucket.Clear();
            _spare.Push(bucket);
        }

        timer = null!;
        return false;
    }

    /// <summary>Removes and returns the earliest scheduled timer if it is due at or before <paramref name="limitTicks"/>.</summary>
    public bool TryTakeDue(long limitTicks, out VirtualTimer timer)
    {
        if (TryPeek(out timer) && timer.DueTicks <= limitTicks)
        {
            _buckets[timer.DueTicks].Skip();
            timer.IsScheduled = false;
            Count--;
            return true;
        }

        timer = null!;
        return false;
    }

    /// <summary>Counts the live timers due at the earliest due tick (ties that schedule exploration may reorder).</summary>
    public int CountDueFirst()
    {
        return TryPeek(out var first) ? _buckets[first.DueTicks].CountLive() : 0;
    }

    /// <summary>Returns the <paramref name="index"/>-th live timer (in creation order) of the earliest due tick.</summary>
    public VirtualTimer? PeekDueFirst(int index) =>
        TryPeek(out var first) && _buckets[first.DueTicks].TryGetLive(index, out var timer) ? timer : null;

    /// <summary>Removes and returns the <paramref name="index"/>-th live timer (in creation order) of the earliest due tick.</summary>
    public bool TryTakeDueFirst(long limitTicks, int index, out VirtualTimer timer)
    {
        if (index == 0)
        {
            return TryTakeDue(limitTicks, out timer);
        }

        if (TryPeek(out var first) && first.DueTicks <= limitTicks && _buckets[first.DueTicks].TryGetLive(index, out timer))
        {
            // Out of order: the entry goes stale where it stands, as when a timer is unscheduled.
            timer.Version++;
            timer.IsScheduled = false;
            Count--;
            return true;
        }

        timer = null!;
        return false;
    }

    private readonly record struct Entry(VirtualTimer Timer, long Version)
    {
        public bool IsLive => Version == Timer.Version && Timer.IsScheduled;
    }

    /// <summary>The timers due at one tick, in creation order; entries before the head have fired or gone stale.</summary>
    private sealed class Bucket
    {
        private readonly List<Entry> _entries = [];
        private int _head;

        public void Add(Entry entry)
        {
            var count = _entries.Count;
            if (count == _head || _entries[count - 1].Timer.Sequence < entry.Timer.Sequence)
            {
                _entries.Add(entry);
                return;
            }

            // A timer changed to this tick after later-created ones: insert it where its creation order puts it.
            int low = _head, high = count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (_entries[middle].Timer.Sequence < entry.Timer.Sequence)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            _entries.Insert(low, entry);
        }

        public bool TryPeekLive(out VirtualTimer timer)
        {
            while (_head < _entries.Count)
            {
                var entry = _entries[_head];
                if (entry.IsLive)
                {
                    timer = entry.Timer;
                    return true;
                }

                _head++;
            }

            timer = null!;
            return false;
        }

        public void Skip() => _head++;

        public int CountLive()
        {
            var live = 0;
            for (var i = _head; i < _entries.Count; i++)
            {
                live += _entries[i].IsLive ? 1 : 0;
            }

            return live;
        }

        public bool TryGetLive(int index, out VirtualTimer timer)
        {
            for (var i = _head; i < _entries.Count; i++)
            {
                if (_entries[i].IsLive && index-- == 0)
                {
                    timer = _entries[i].Timer;
                    return true;
                }
            }

            timer = null!;
            return false;
        }

        public void Clear()
        {
            _entries.Clear();
            _head = 0;
        }
    }
}
