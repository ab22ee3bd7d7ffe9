using System.Diagnostics;

namespace AsyncEnumTesting;

/// <summary>Remembers, per pool work item still in the pool's queues, when it was queued and by which run, while any run is active.</summary>
/// <remarks>
/// <para>
/// The pool reports each item it queues and each item a thread takes with the item's address (<see cref="PoolTakes"/>).
/// An item of a run that waited in a queue across a clock move (in the local queue of a preempted pool thread, say) is
/// taken only after the move, so the time of its take cannot tell that it is late; the time it was queued can.
/// </para>
/// <para>
/// An address names one object only until the next garbage collection, which may move the item. Stamps are kept across
/// collections all the same: a run's item that a collection moved is then not known by its new address (as if it had no
/// stamp), and in the rare case that another stamped item moves to the old address, it is taken for that item. Dropping
/// every stamp at each collection instead (as before) lost exactly the items that mattered on a busy process, where a
/// collection every few milliseconds is common: measured, a polling loop differed silently in 15 runs of 1,000 then.
/// The table is emptied when no run is active any more, and items the pool never reports as taken (a task run inline
/// by a waiter) are bounded by the size cap, which drops the oldest stamps first.
/// </para>
/// </remarks>
internal sealed class QueueStamps
{
    private const int MaxStamps = 1 << 16;
    private static readonly long StaleAfter = Stopwatch.Frequency;

    private readonly Lock _gate = new();
    private readonly Dictionary<long, Stamp> _stamps = [];
    private volatile int _count;

    /// <summary>Gets how many items are stamped now.</summary>
    public int Count => _count;

    /// <summary>Notes that the item at <paramref name="workId"/> was queued when <paramref name="moves"/> clock moves had
    /// been numbered, by code of <paramref name="run"/> (<see langword="null"/> when no run's code queued it).</summary>
    public void Queued(long workId, long moves, VirtualTimeRunner? run = null)
    {
        var stamp = new Stamp(moves, Stopwatch.GetTimestamp(), run);
        lock (_gate)
        {
            if (_stamps.Count >= MaxStamps)
            {
                DropOlderThan(stamp.At - StaleAfter);
            }

            _stamps[workId] = stamp;
            _count = _stamps.Count;
        }
    }

    /// <summary>Forgets the item at <paramref name="workId"/>, which a pool thread took, and returns its stamp, if it has one.</summary>
    public Stamp? Taken(long workId)
    {
        if (_count == 0)
        {
            return null;
        }

        lock (_gate)
        {
            if (!_stamps.Remove(workId, out var stamp))
            {
                return null;
            }

            _count = _stamps.Count;
            return stamp;
        }
    }

    /// <summary>Returns whether an item that code of <paramref name="run"/> queued before clock move <paramref name="move"/> is
    /// still stamped: not reported taken yet.</summary>
    public bool HoldsQueuedBefore(VirtualTimeRunner run, long move)
    {
        if (_count == 0)
        {
            return false;
        }

        lock (_gate)
        {
            foreach (var (_, stamp) in _stamps)
            {
                if (stamp.Run == run && stamp.Moves < move)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Forgets every stamp when <paramref name="idle"/> says, under the table's lock, that no run is active.</summary>
    public void ClearWhen(Func<bool> idle)
    {
        lock (_gate)
        {
            if (idle())
            {
                _stamps.Clear();
                _count = 0;
            }
        }
    }

    /// <summary>Drops stamps made before <paramref name="before"/> (an item that waited that long was run inline, or a
    /// collection moved it); all of them when that is not enough.</summary>
    private void DropOlderThan(long before)
    {
        foreach (var (workId, stamp) in _stamps)
        {
            if (stamp.At < before)
            {
                _stamps.Remove(workId);
            }
        }

        if (_stamps.Count >= MaxStamps)
        {
            _stamps.Clear();
        }
    }

    /// <summary>When an item was queued, and by which run.</summary>
    /// <param name="Moves">How many clock moves had been numbered when it was queued.</param>
    /// <param name="At">The <see cref="Stopwatch"/> timestamp it was queued at.</param>
    /// <param name="Run">The run whose code queued it, if any.</param>
    internal readonly record struct Stamp(long Moves, long At, VirtualTimeRunner? Run);
}
