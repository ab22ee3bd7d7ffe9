namespace AsyncEnumTesting;

/// <summary>Holds a timeline's entries; any number of threads append without locks and without waiting for each other.</summary>
/// <remarks>
/// An append reserves a slot with one atomic increment, writes the entry's fields and publishes it by writing its
/// (never zero) kind code last, with release semantics. Readers take every reserved slot and, in the rare case a
/// writer is between reserving and publishing, wait for it: waiting is moved off the recording path onto the reading
/// path, which runs when a test asserts.
/// </remarks>
internal sealed class TimelineLog
{
    private readonly ChunkedStore<TimelineEntry> _store = new();
    private int _reserved;

    /// <summary>Gets how many entries were appended (some may be a few instructions from published).</summary>
    public int Count => Volatile.Read(ref _reserved);

    /// <summary>Appends an entry; <paramref name="code"/> is <see cref="TimelineEntry.CodeOf"/> or a lazy item's code.</summary>
    public void Add(long ticks, object? payload, int stream, int code)
    {
        var index = Interlocked.Increment(ref _reserved) - 1;
        ref var slot = ref _store.Slot(index);
        slot.Ticks = ticks;
        slot.Payload = payload;
        slot.Stream = stream;
        Volatile.Write(ref slot.Code, code);
    }

    /// <summary>Copies every appended entry, waiting for any still being written.</summary>
    public TimelineEntry[] ToArray()
    {
        var count = Count;
        for (var i = 0; i < count; i++)
        {
            ref var slot = ref _store.Existing(i);
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
}
