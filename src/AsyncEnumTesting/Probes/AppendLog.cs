using System.Numerics;

namespace AsyncEnumTesting;

/// <summary>Reads the item at an index as an object, so a timeline can box probe items only when someone reads them.</summary>
internal interface IBoxedItems
{
    /// <summary>Returns the item at <paramref name="index"/>, boxed.</summary>
    object? GetBoxed(int index);
}

/// <summary>Holds values appended by any number of threads, in the order their slots were reserved, without copying on growth.</summary>
/// <remarks>
/// Probes append on every <c>MoveNextAsync</c>, so the hot path is one <see cref="Interlocked.Increment(ref int)"/> to
/// reserve a slot, a plain store, and an in-order commit (a writer waits only for writers that reserved earlier slots,
/// which in practice is never when one consumer drives a probe). Storage grows in chunks (16, 32, ... 1024, then
/// 1024 at a time) that are never copied, so an append never moves old entries and allocates nothing between chunks.
/// Readers see the committed prefix only.
/// </remarks>
/// <typeparam name="T">The value type stored.</typeparam>
internal sealed class AppendLog<T> : IBoxedItems
{
    private const int FirstChunkShift = 4;
    private const int GrowingChunks = 7; // 16 << 0 .. 16 << 6 = 1024
    private const int SteadyChunkShift = 10;
    private const int SteadyChunkSize = 1 << SteadyChunkShift;
    private const int GrowingCapacity = (1 << FirstChunkShift) * ((1 << GrowingChunks) - 1); // 2032

    private readonly Lock _grow = new();
    private T[]?[] _chunks = new T[]?[GrowingChunks + 1];
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
            var (chunk, offset) = Locate(index);
            return Volatile.Read(ref _chunks)[chunk]![offset];
        }
    }

    /// <summary>Appends <paramref name="value"/> and returns its index.</summary>
    public int Add(T value)
    {
        var index = Interlocked.Increment(ref _reserved) - 1;
        var (chunk, offset) = Locate(index);
        ChunkAt(chunk)[offset] = value;

        // Commit in reservation order: only the writer holding slot `index` may move the count from index to index + 1.
        if (Volatile.Read(ref _committed) != index)
        {
            var spin = default(SpinWait);
            while (Volatile.Read(ref _committed) != index)
            {
                spin.SpinOnce();
            }
        }

        Volatile.Write(ref _committed, index + 1);
        return index;
    }

    /// <summary>Copies the committed values into a new array.</summary>
    public T[] ToArray()
    {
        var count = Count;
        var result = new T[count];
        var chunks = Volatile.Read(ref _chunks);
        var copied = 0;
        for (var chunk = 0; copied < count; chunk++)
        {
            var source = chunks[chunk]!;
            var take = Math.Min(source.Length, count - copied);
            Array.Copy(source, 0, result, copied, take);
            copied += take;
        }

        return result;
    }

    /// <inheritdoc />
    public object? GetBoxed(int index) => this[index];

    private static (int Chunk, int Offset) Locate(int index)
    {
        if (index < GrowingCapacity)
        {
            var chunk = BitOperations.Log2((uint)(index >> FirstChunkShift) + 1);
            return (chunk, index - ((1 << FirstChunkShift) * ((1 << chunk) - 1)));
        }

        var steady = index - GrowingCapacity;
        return (GrowingChunks + (steady >> SteadyChunkShift), steady & (SteadyChunkSize - 1));
    }

    private static int ChunkSize(int chunk) => chunk < GrowingChunks ? (1 << FirstChunkShift) << chunk : SteadyChunkSize;

    private T[] ChunkAt(int chunk)
    {
        var chunks = Volatile.Read(ref _chunks);
        if (chunk < chunks.Length && Volatile.Read(ref chunks[chunk]) is { } existing)
        {
            return existing;
        }

        lock (_grow)
        {
            chunks = _chunks;
            if (chunk >= chunks.Length)
            {
                // Readers holding the old directory still find every chunk it had: chunks are created once and never replaced.
                var bigger = new T[]?[Math.Max(chunks.Length * 2, chunk + 1)];
                Array.Copy(chunks, bigger, chunks.Length);
                Volatile.Write(ref _chunks, bigger);
                chunks = bigger;
            }

            if (chunks[chunk] is not { } created)
            {
                created = new T[ChunkSize(chunk)];
                Volatile.Write(ref chunks[chunk], created);
            }

            return created;
        }
    }
}
