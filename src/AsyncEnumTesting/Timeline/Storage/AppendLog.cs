namespace AsyncEnumTesting;

/// <summary>Holds values appended by (almost always) one writer at a time, readable while it grows.</summary>
/// <remarks>
/// Each probe enumeration keeps its items here, typed. A probe reserves an item's index in the same locked step that
/// reserves its timeline entry (<see cref="TimelineLog.AddItem{T}"/>), so appending an item costs no atomic operation of
/// its own; other users call <see cref="Add"/> (one atomic increment). Several writers (a consumer that overlaps calls
/// with <c>ThrowOnMisuse</c> off) stay correct: a writer commits only after the writers that reserved earlier slots,
/// waiting briefly for them. Readers see the committed prefix.
/// </remarks>
/// <typeparam name="T">The value type stored.</typeparam>
internal sealed class AppendLog<T> : IBoxedItems
{
    private readonly ChunkedStore<T> _store = new();
    private int _reserved;
    private int _committed;

    /// <summary>Gets how many values are committed and readable.</summary>
    public int Count => Volatile.Read(ref _committed);

    /// <summary>Gets the committed value at <paramref name="index"/>.</summary>
    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _store.Existing(index);
        }
    }

    /// <summary>Appends <paramref name="value"/> and returns its index.</summary>
    public int Add(T value)
    {
        var index = Interlocked.Increment(ref _reserved) - 1;
        Commit(index, value);
        return index;
    }

    /// <summary>Gets how many indexes were reserved; read under the lock that every writer of this log takes.</summary>
    public int ReservedLocked => _reserved;

    /// <summary>Reserves the next index without an atomic operation; the caller holds a lock that every writer of this log takes.</summary>
    /// <remarks>A log is written either through <see cref="Add"/> or through this and <see cref="Commit"/>, never both.</remarks>
    public int ReserveLocked() => _reserved++;

    /// <summary>Stores <paramref name="value"/> at the reserved <paramref name="index"/> and makes it readable after the values before it.</summary>
    public void Commit(int index, T value)
    {
        _store.Slot(index) = value;

        // Only the writer holding slot `index` may move the count from index to index + 1.
        if (Volatile.Read(ref _committed) != index)
        {
            var spin = default(SpinWait);
            while (Volatile.Read(ref _committed) != index)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }
        }

        Volatile.Write(ref _committed, index + 1);
    }

    /// <summary>Copies the committed values into a new array.</summary>
    public T[] ToArray() => _store.Copy(Count);

    /// <inheritdoc />
    public object? GetBoxed(int index) => this[index];
}
