using System.Numerics;
using System.Runtime.CompilerServices;

namespace AsyncEnumTesting;

/// <summary>Holds slots in chunks that are created once and never copied, so growing never moves what was written.</summary>
/// <remarks>
/// Chunks hold 16, 32, ... slots, doubling up to the size at which a chunk is a large object (85,000 bytes or more:
/// 4,096 timeline entries, 32,768 ints), then that size each. Small logs stay small; a long log's chunks live on the
/// large object heap, where the collector never copies them: a log of millions of entries that all stay alive would
/// otherwise be copied from generation 0 to 1 to 2, which measured as the largest part of a probe's cost per item.
/// Creating a chunk takes a lock; finding one does not.
/// </remarks>
/// <typeparam name="T">The slot type.</typeparam>
internal sealed class ChunkedStore<T>
{
    private const int FirstChunkShift = 4;
    private const int LargeObjectBytes = 85_000;

    // Read-only statics of a generic type: constants to the optimizing JIT, computed once per slot type.
    private static readonly int SteadyChunkShift = SteadyShift();
    private static readonly int GrowingChunks = SteadyChunkShift - FirstChunkShift; // 16 << 0 .. 16 << (GrowingChunks - 1)
    private static readonly int SteadyChunkSize = 1 << SteadyChunkShift;
    private static readonly int GrowingCapacity = (1 << FirstChunkShift) * ((1 << GrowingChunks) - 1);

    private readonly Lock _grow = new();
    private T[]?[] _chunks = new T[]?[GrowingChunks + 1];
    private Recent _last = new([], 0);

    /// <summary>Returns the slot at <paramref name="index"/>, creating its chunk when needed.</summary>
    public ref T Slot(int index)
    {
        // Appends and the reads right after them hit the newest chunk: one reference read and a range check.
        var last = Volatile.Read(ref _last);
        if ((uint)(index - last.Start) < (uint)last.Chunk.Length)
        {
            return ref last.Chunk[index - last.Start];
        }

        var (chunk, offset) = Locate(index);
        var array = ChunkAt(chunk);
        Volatile.Write(ref _last, new Recent(array, index - offset));
        return ref array[offset];
    }

    /// <summary>Returns the slot at <paramref name="index"/>, whose chunk must exist (the index was written).</summary>
    public ref T Existing(int index)
    {
        var last = Volatile.Read(ref _last);
        if ((uint)(index - last.Start) < (uint)last.Chunk.Length)
        {
            return ref last.Chunk[index - last.Start];
        }

        var (chunk, offset) = Locate(index);
        return ref Volatile.Read(ref _chunks)[chunk]![offset];
    }

    /// <summary>Returns the chunk that holds the existing slot at <paramref name="index"/>, and the slot's offset in it.</summary>
    /// <remarks>For a writer that comes back to one slot many times: it keeps the chunk instead of looking it up again.</remarks>
    public (T[] Chunk, int Offset) ChunkOf(int index)
    {
        var last = Volatile.Read(ref _last);
        if ((uint)(index - last.Start) < (uint)last.Chunk.Length)
        {
            return (last.Chunk, index - last.Start);
        }

        var (chunk, offset) = Locate(index);
        return (Volatile.Read(ref _chunks)[chunk]!, offset);
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

    private static int SteadyShift()
    {
        var shift = FirstChunkShift + 1;
        while ((1L << shift) * Unsafe.SizeOf<T>() < LargeObjectBytes)
        {
            shift++;
        }

        return shift;
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

    /// <summary>The chunk used last and the index of its first slot, replaced as a whole so threads never see half of it.</summary>
    private sealed record Recent(T[] Chunk, int Start);
}
