namespace AsyncEnumTesting;

/// <summary>Holds a timeline's entries and stamps them; any number of threads append, with one atomic operation each.</summary>
/// <remarks>
/// <para>
/// An append takes a tiny spin lock (one compare-exchange; released with a plain store) only to pick its slot and its
/// time together, so order and time always agree: a later entry never carries an earlier time. Writing the entry
/// happens after the lock is released; the entry is published by writing its (never zero) kind code last, with
/// release semantics.
/// </para>
/// <para>
/// Readers take every reserved slot and, in the rare case a writer is between reserving and publishing, wait for it
/// (creating the slot's storage chunk themselves if the writer has not yet): waiting is moved off the recording path
/// onto the reading path, which runs when a test asserts.
/// </para>
/// </remarks>
internal sealed class TimelineLog
{
    private readonly ChunkedStore<TimelineEntry> _store = new();
    private readonly TimelineClock _clock;
    private int _lock;
    private int _reserved;
    private long _lastTicks;

    /// <summary>Initializes an empty log stamped by <paramref name="clock"/>.</summary>
    public TimelineLog(TimelineClock clock) => _clock = clock;

    /// <summary>Gets how many entries were appended (some may be a few instructions from published).</summary>
    public int Count => Volatile.Read(ref _reserved);

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
        var readNow = readsClock || !_clock.SharesStamps;
        if (Interlocked.CompareExchange(ref _lock, 1, 0) != 0)
        {
            Contend();
        }

        var index = _reserved;
        var ticks = readNow ? Math.Max(_clock.NowTicks(), _lastTicks) : _lastTicks;
        _lastTicks = ticks;
        Volatile.Write(ref _reserved, index + 1);
        Volatile.Write(ref _lock, 0);

        ref var slot = ref _store.Slot(index);
        slot.Ticks = ticks;
        slot.Payload = payload;
        slot.Stream = stream;
        Volatile.Write(ref slot.Code, code);
        return ticks;
    }

    /// <summary>Copies every appended entry, waiting for any still being written.</summary>
    public TimelineEntry[] ToArray()
    {
        var count = Count;
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

        return _store.Copy(count);
    }

    private void Contend()
    {
        var spin = default(SpinWait);
        do
        {
            // The holder is a few instructions from releasing; never sleep a whole millisecond for it.
            spin.SpinOnce(sleep1Threshold: -1);
        }
        while (Volatile.Read(ref _lock) != 0 || Interlocked.CompareExchange(ref _lock, 1, 0) != 0);
    }
}
