using System.Diagnostics.CodeAnalysis;

namespace AsyncEnumTesting;

/// <summary>Holds a timeline's entries and stamps them; any number of threads append, with one atomic operation each at most.</summary>
/// <remarks>
/// <para>
/// An append takes a tiny lock (<see cref="AppendLock"/>: no atomic operation while one thread appends, one
/// compare-exchange once several do; released with a plain store) only to pick its slot and its time together, so
/// order and time always agree: a later entry never carries an earlier time. Writing the entry happens after the lock
/// is released; the entry is published by writing its (never zero) kind code last, with release semantics.
/// </para>
/// <para>
/// Readers take every reserved slot and, in the rare case a writer is between reserving and publishing, wait for it
/// (creating the slot's storage chunk themselves if the writer has not yet): waiting is moved off the recording path
/// onto the reading path, which runs when a test asserts.
/// </para>
/// </remarks>
internal sealed partial class TimelineLog
{
    private readonly ChunkedStore<TimelineEntry> _store = new();
    private readonly ChunkedStore<object?> _values = new();
    private readonly ChunkedStore<IBoxedItems?> _streamItems = new();
    private readonly TimelineClock _clock;
    private readonly bool _sharesStamps;
    private AppendLock _lock;
    private int _reserved;
    private long _lastTicks;
    private int _valueCount;
    private int _events;

    /// <summary>Initializes an empty log stamped by <paramref name="clock"/>.</summary>
    public TimelineLog(TimelineClock clock)
    {
        _clock = clock;
        _sharesStamps = clock.SharesStamps;
    }

    /// <summary>Gets how many events were appended (some may be a few instructions from published); a run entry holds several.</summary>
    public int Count => Volatile.Read(ref _events);

    /// <summary>Gets the stamp of the latest entry, in ticks since the origin (0 before any).</summary>
    public long LastTicks => Volatile.Read(ref _lastTicks);

    /// <summary>Appends an entry stamped now; returns its time in ticks.</summary>
    /// <param name="readsClock">
    /// Whether the entry reads the clock. On real time, an entry that does not (a call that completed synchronously)
    /// shares the stamp of the entry before it; on virtual time every stamp is a field read anyway.
    /// </param>
    /// <param name="payload">The event's value, or the <see cref="IBoxedItems"/> that holds a lazy item.</param>
    /// <param name="stream">The stream's id.</param>
    /// <param name="code"><see cref="TimelineEntry.CodeOf"/> or a lazy item's code.</param>
    public long Add(bool readsClock, object? payload, int stream, int code)
    {
        Enter();
        var value = ReserveValue(payload); // first: it may throw, and a reserved slot must always be published
        var index = Reserve(readsClock, out var ticks);
        Exit();
        Publish(index, ticks, payload, value, stream, code);
        return ticks;
    }

    /// <summary>Appends an entry and, in the same step, adds <paramref name="delta"/> to <paramref name="counter"/>.</summary>
    /// <remarks>A probe keeps its pending-call count this way: exact across threads at no extra atomic operation.</remarks>
    public long Add(bool readsClock, object? payload, int stream, int code, ref int counter, int delta)
    {
        Enter();
        var value = ReserveValue(payload); // first: it may throw, and a reserved slot must always be published
        var index = Reserve(readsClock, out var ticks);
        counter += delta;
        Exit();
        Publish(index, ticks, payload, value, stream, code);
        return ticks;
    }

    /// <summary>Adds <paramref name="delta"/> to <paramref name="counter"/> under the lock that the counting appends take.</summary>
    public void Adjust(ref int counter, int delta)
    {
        Enter();
        counter += delta;
        Exit();
    }

    /// <summary>Keeps <paramref name="items"/> as the item log of <paramref name="stream"/>, for the lazy item entries that will point at it.</summary>
    public void Register(int stream, IBoxedItems items) => Volatile.Write(ref _streamItems.Slot(stream), items);

    /// <summary>Copies every appended entry, waiting for any still being written.</summary>
    public TimelineEntry[] ToArray()
    {
        var count = Volatile.Read(ref _reserved); // entries, not events: a run holds several
        for (var i = 0; i < count; i++)
        {
            // Slot, not Existing: a writer may have reserved the index and not yet created its chunk.
            ref var slot = ref _store.Slot(i);
            if (Volatile.Read(ref slot.Code) == 0)
            {
                var spin = default(SpinWait);
                while (Volatile.Read(ref slot.Code) == 0)
                {
                    spin.SpinOnce();
                }
            }
        }

        var entries = _store.Copy(count);

        // A run grows in place after its item is committed: what the copy saw of it must not be newer than the item
        // logs read next (a full fence; plain loads could otherwise pass the item log's acquiring read on weak hardware).
        Interlocked.MemoryBarrier();
        return Expand(entries);
    }

    /// <summary>Returns the value of <paramref name="entry"/>: its payload, or its lazy item boxed.</summary>
    public object? ValueOf(in TimelineEntry entry) => entry.IsLazyItem
        ? ItemsOf(entry).GetBoxed(entry.ItemIndex)
        : entry.ValueIndex < 0 ? null : _values.Existing(entry.ValueIndex);

    /// <summary>Returns the item log a lazy item entry points at.</summary>
    public IBoxedItems ItemsOf(in TimelineEntry entry) => Volatile.Read(ref _streamItems.Existing(entry.Stream))!;

    /// <summary>Takes the append lock: no atomic operation while one thread appends, one compare-exchange once several do.</summary>
    /// <returns>Whether the caller entered as the lock's owner (see <see cref="AppendLock.Reenter"/>).</returns>
    private bool Enter() => _lock.Enter();

    /// <summary>Releases the append lock with a plain (release) store.</summary>
    private void Exit() => _lock.Exit();

    /// <summary>Takes the next slot and its stamp; called with the lock held, so stamps never go back in slot order.</summary>
    private int Reserve(bool readsClock, out long ticks)
    {
        var index = _reserved;
        ticks = Stamp(readsClock);
        _lastTicks = ticks;
        Volatile.Write(ref _reserved, index + 1);
        Volatile.Write(ref _events, _events + 1);
        return index;
    }

    /// <summary>Returns the stamp an entry appended now gets; called with the lock held.</summary>
    private long Stamp(bool readsClock) => readsClock || !_sharesStamps ? Math.Max(_clock.NowTicks(), _lastTicks) : _lastTicks;

    /// <summary>Takes the next value slot for <paramref name="payload"/>, or -1 for none; called with the lock held.</summary>
    private int ReserveValue(object? payload)
    {
        if (payload is null)
        {
            return -1;
        }

        if (_valueCount == TimelineEntry.MaxValues)
        {
            Exit();
            ThrowTooManyValues();
        }

        return _valueCount++;
    }

    [DoesNotReturn]
    private static void ThrowTooManyValues() =>
        throw new InvalidOperationException($"A timeline holds at most {TimelineEntry.MaxValues} events with a value (marks, exceptions, enumerations); items do not count. Use a new timeline per test.");

    /// <summary>Writes the entry and publishes it; its value (when it has one) is readable first.</summary>
    private void Publish(int index, long ticks, object? payload, int value, int stream, int code)
    {
        if (payload is not null)
        {
            // Readers reach a value only through its published entry, so it needs no order of its own.
            _values.Slot(value) = payload;
        }

        ref var slot = ref _store.Slot(index);
        slot.Ticks = ticks;
        slot.Stream = stream;
        Volatile.Write(ref slot.Code, code < 0 ? code : TimelineEntry.WithValue(code, value));
    }
}
