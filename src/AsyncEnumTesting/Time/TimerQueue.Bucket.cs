namespace AsyncEnumTesting;

/// <content>A bucket: the timers due at one tick, in creation order.</content>
internal sealed partial class TimerQueue
{
    /// <summary>The timers due at one tick, in creation order; entries before a head have fired or gone stale.</summary>
    /// <remarks>
    /// <para>
    /// Entries arrive in creation order almost always, so they are appended: to a first array that grows to
    /// <see cref="SegmentSize"/> entries and stays with the bucket when it is recycled (most instants have a few timers),
    /// then to fixed segments of that size, taken from and given back to the queue's pool. One growing array would reach the
    /// large-object heap at a few thousand timers per instant (100,000 sequences put 70,000 at one tick), where every
    /// doubling is garbage that counts towards a full collection of the whole live set: at 100,000 sequences that was
    /// about 8 bytes per event.
    /// </para>
    /// <para>
    /// A timer changed to this tick after later-created ones were queued goes to a short list of its own, kept sorted;
    /// the bucket's front is the earlier of the two heads.
    /// </para>
    /// </remarks>
    private sealed class Bucket(Stack<Entry[]> pool)
    {
        /// <summary>Entries per segment: 1,024 of 16 bytes, well under the large-object threshold.</summary>
        private const int SegmentShift = 10;
        private const int SegmentSize = 1 << SegmentShift;

        private readonly List<Entry[]> _more = [];
        private readonly List<Entry> _late = [];
        private Entry[] _first = new Entry[4];
        private int _head;
        private int _count;
        private int _lateHead;
        private bool _frontIsLate;

        public void Add(Entry entry)
        {
            if (_head == _count || At(_count - 1).Timer.Sequence < entry.Timer.Sequence)
            {
                if (_count < SegmentSize)
                {
                    if (_count == _first.Length)
                    {
                        Array.Resize(ref _first, _first.Length * 2);
                    }
                }
                else if ((_count >> SegmentShift) - 1 == _more.Count)
                {
                    _more.Add(pool.TryPop(out var segment) ? segment : new Entry[SegmentSize]);
                }

                At(_count++) = entry;
                return;
            }

            // Out of order: insert it where its creation order puts it among the other late entries.
            int low = _lateHead, high = _late.Count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (_late[middle].Timer.Sequence < entry.Timer.Sequence)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            _late.Insert(low, entry);
        }

        public bool TryPeekLive(out VirtualTimer timer)
        {
            while (TryFront(out var entry))
            {
                if (entry.IsLive)
                {
                    timer = entry.Timer;
                    return true;
                }

                Skip();
            }

            timer = null!;
            return false;
        }

        /// <summary>Moves past the front entry that <see cref="TryPeekLive"/> last looked at.</summary>
        public void Skip()
        {
            if (_frontIsLate)
            {
                _lateHead++;
            }
            else
            {
                _head++;
            }
        }

        public int CountLive() => CountLive(static _ => true);

        public int CountLive(Func<VirtualTimer, bool> match)
        {
            var live = 0;
            for (var i = _head; i < _count; i++)
            {
                live += At(i) is { IsLive: true } entry && match(entry.Timer) ? 1 : 0;
            }

            for (var i = _lateHead; i < _late.Count; i++)
            {
                live += _late[i] is { IsLive: true } entry && match(entry.Timer) ? 1 : 0;
            }

            return live;
        }

        public bool TryGetLive(int index, out VirtualTimer timer)
        {
            // Both parts in creation order, merged.
            int main = _head, late = _lateHead;
            while (main < _count || late < _late.Count)
            {
                var takeLate = late < _late.Count && (main == _count || _late[late].Timer.Sequence < At(main).Timer.Sequence);
                var entry = takeLate ? _late[late++] : At(main++);
                if (entry.IsLive && index-- == 0)
                {
                    timer = entry.Timer;
                    return true;
                }
            }

            timer = null!;
            return false;
        }

        /// <summary>Empties the bucket and gives its further segments back to the pool; what held entries is cleared, so it keeps no timer alive.</summary>
        public void Clear()
        {
            Array.Clear(_first, 0, Math.Min(_count, SegmentSize));
            for (var i = 0; i < _more.Count; i++)
            {
                Array.Clear(_more[i], 0, Math.Min(_count - ((i + 1) << SegmentShift), SegmentSize));
                pool.Push(_more[i]);
            }

            _more.Clear();
            _late.Clear();
            (_head, _count, _lateHead) = (0, 0, 0);
        }

        private ref Entry At(int index) =>
            ref index < SegmentSize ? ref _first[index] : ref _more[(index >> SegmentShift) - 1][index & (SegmentSize - 1)];

        /// <summary>Returns the earlier of the two heads and remembers which one it was, for <see cref="Skip"/>.</summary>
        private bool TryFront(out Entry entry)
        {
            var hasMain = _head < _count;
            if (_lateHead < _late.Count && (!hasMain || _late[_lateHead].Timer.Sequence < At(_head).Timer.Sequence))
            {
                (entry, _frontIsLate) = (_late[_lateHead], true);
                return true;
            }

            (entry, _frontIsLate) = (hasMain ? At(_head) : default, false);
            return hasMain;
        }
    }
}
