using System.Diagnostics;

namespace AsyncEnumTesting;

/// <summary>Remembers, per pool work item still in the pool's queues, when it was queued, while any run is active.</summary>
/// <remarks>
/// <para>
/// The pool reports each item it queues and each item a thread takes with the item's address (<see cref="PoolTakes"/>).
/// An item of a run that waited in a queue across a clock move (in the local queue of a preempted pool thread, say) is
/// taken only after the move, so the time of its take cannot tell that it is late; the time it was queued can.
/// </para>
/// <para>
/// An address names one object only until the next garbage collection, which may move objects and reuse memory. Every
/// stamp is therefore bound to the count of gen-0 collections when it was made (every collection counts there), and the
/// whole table is dropped when that count changes: a take never matches a stamp of another object, at the price of not
/// knowing when items queued before a collection were queued. Items the pool never reports as taken (a task run inline
/// by a waiter) leave their stamp behind until then; the size cap bounds that.
/// </para>
/// </remarks>
internal sealed class QueueStamps
{
    private const int MaxStamps = 1 << 16;

    private readonly Lock _gate = new();
    private readonly Dictionary<long, Stamp> _stamps = [];
    private readonly Func<int> _collections;
    private int _epoch;
    private volatile int _count;

    /// <summary>Initializes a new instance of the <see cref="QueueStamps"/> class.</summary>
    /// <param name="collections">Returns how many collections have happened; tests pass their own.</param>
    public QueueStamps(Func<int>? collections = null)
    {
        _collections = collections ?? (static () => GC.CollectionCount(0));
        _epoch = _collections();
    }

    /// <summary>Gets how many items are stamped now.</summary>
    public int Count => _count;

    /// <summary>Notes that the item at <paramref name="workId"/> was queued when <paramref name="moves"/> clock moves had been numbered.</summary>
    public void Queued(long workId, long moves)
    {
        var stamp = new Stamp(moves, Stopwatch.GetTimestamp());
        lock (_gate)
        {
            DropIfStale();
            if (_stamps.Count >= MaxStamps)
            {
                _stamps.Clear();
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
            DropIfStale();
            if (!_stamps.Remove(workId, out var stamp))
            {
                return null;
            }

            _count = _stamps.Count;
            return stamp;
        }
    }

    private void DropIfStale()
    {
        var epoch = _collections();
        if (epoch != _epoch)
        {
            _epoch = epoch;
            _stamps.Clear();
            _count = 0;
        }
    }

    /// <summary>When an item was queued.</summary>
    /// <param name="Moves">How many clock moves had been numbered when it was queued.</param>
    /// <param name="At">The <see cref="Stopwatch"/> timestamp it was queued at.</param>
    internal readonly record struct Stamp(long Moves, long At);
}
