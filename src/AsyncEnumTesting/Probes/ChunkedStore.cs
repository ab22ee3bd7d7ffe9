using System.Numerics;

namespace AsyncEnumTesting;

/// <summary>Holds slots in chunks that are created once and never copied, so growing never moves what was written.</summary>
/// <remarks>
/// Chunks hold 16, 32, ... 1024 slots, then 1024 each: small logs stay small, long ones allocate one chunk per 1024
/// slots and nothing in between (no doubling copies, no large-object-heap arrays for small entries). Creating a chunk
/// takes a lock; finding one does not.
/// </remarks>
/// <typeparam name="T">The slot type.</typeparam>
internal sealed class ChunkedStore<T>
{
    private const int FirstChunkShift = 4;
    private const int GrowingChunks = 7; // 16 << 0 .. 16 << 6 = 1024
    private const int SteadyChunkShift = 10;
    private const int SteadyChunkSize = 1 << SteadyChunkShift;
    private const int GrowingCapacity = (1 << FirstChunkShift) * ((1 << GrowingChunks) - 1); // 2032

    private readonly Lock _grow = new();
    private T[]?[] _chunks = new T[]?[GrowingChunks + 1];

    /// <summary>Returns the slot at <paramref name="index"/>, creating its chunk when needed.</summary>
    public ref T Slot(int index)
    {
        var (chunk, offset) = Locate(index);
        return ref ChunkAt(chunk)[offset];
    }

    /// <summary>Returns the slot at <paramref name="index"/>, whose chunk must exist (the index was written).</summary>
    public ref T Existing(int index)
    {
        var (chunk, offset) = Locate(index);
        return ref Volatile.Read(ref _chunks)[chunk]![offset];
    }

    /// <summary>Copies the first <paramref name="count"/> slots, which must all exist, into a new array.</summary>
    public T[] Copy(int count)
    {
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
