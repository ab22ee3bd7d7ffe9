namespace AsyncEnumTesting.Benchmarks.Probes;

/// <summary>The least a recorder that keeps a thread-safe, ordered log can do per item: the floor the probe is measured against.</summary>
/// <remarks>
/// Per item: one compare-exchange (the lock that orders entries across threads), one 16-byte entry and the typed item
/// stored in large chunks that are allocated as the log grows (so the memory a log needs is paid, as the probe pays
/// it). No time stamp, no protocol checks, no pending count, no token, no disposal record. Synchronous sources only.
/// </remarks>
/// <typeparam name="T">The type of the items.</typeparam>
internal sealed class FloorRecorder<T>(IAsyncEnumerable<T> source) : IAsyncEnumerable<T>
{
    /// <inheritdoc />
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => new Enumerator(source.GetAsyncEnumerator(cancellationToken));

    private struct Entry
    {
        public long Ticks;
        public int Stream;
        public int Code;
    }

    private sealed class Enumerator(IAsyncEnumerator<T> inner) : IAsyncEnumerator<T>
    {
        private const int ChunkShift = 15; // 32,768 entries: large objects, never copied by the collector
        private const int ChunkSize = 1 << ChunkShift;

        private readonly List<Entry[]> _entries = [];
        private readonly List<T[]> _items = [];
        private int _lock;
        private int _count;

        public T Current { get; private set; } = default!;

        public ValueTask<bool> MoveNextAsync()
        {
            var move = inner.MoveNextAsync();
            if (!move.IsCompletedSuccessfully)
            {
                throw new NotSupportedException("The floor recorder takes synchronous sources only.");
            }

            var moved = move.Result;
            if (Interlocked.CompareExchange(ref _lock, 1, 0) != 0)
            {
                throw new InvalidOperationException("One thread only.");
            }

            var index = _count++;
            Volatile.Write(ref _lock, 0);
            if ((index & (ChunkSize - 1)) == 0)
            {
                _entries.Add(new Entry[ChunkSize]);
                _items.Add(new T[ChunkSize]);
            }

            ref var entry = ref _entries[index >> ChunkShift][index & (ChunkSize - 1)];
            entry.Stream = 1;
            Volatile.Write(ref entry.Code, ~index);
            if (moved)
            {
                Current = inner.Current;
                _items[index >> ChunkShift][index & (ChunkSize - 1)] = Current;
            }

            return new ValueTask<bool>(moved);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
