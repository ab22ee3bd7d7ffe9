namespace AsyncEnumTesting.Benchmarks.Probes;

/// <summary>The least a recorder can do per item when one thread writes its log: the floor for the probe's single-thread path.</summary>
/// <remarks>
/// Per item: the two ordered steps a probe must take (the call's start before the source runs, its result after), each
/// only a check that the writer is the thread that owns the log and a count bumped, and the typed item stored in large
/// chunks allocated as the log grows. No atomic operation, no time stamp, no protocol checks, no runs, no entry.
/// Synchronous sources only.
/// </remarks>
/// <typeparam name="T">The type of the items.</typeparam>
internal sealed class OwnedFloorRecorder<T>(IAsyncEnumerable<T> source) : IAsyncEnumerable<T>
{
    /// <inheritdoc />
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => new Enumerator(source.GetAsyncEnumerator(cancellationToken));

    private sealed class Enumerator(IAsyncEnumerator<T> inner) : IAsyncEnumerator<T>
    {
        private const int ChunkShift = 15; // 32,768 items: large objects, never copied by the collector
        private const int ChunkSize = 1 << ChunkShift;

        private readonly Thread _owner = Thread.CurrentThread;
        private readonly List<T[]> _items = [];
        private int _events;
        private int _count;

        public T Current { get; private set; } = default!;

        public ValueTask<bool> MoveNextAsync()
        {
            Step();
            var move = inner.MoveNextAsync();
            if (!move.IsCompletedSuccessfully)
            {
                throw new NotSupportedException("The floor recorder takes synchronous sources only.");
            }

            var moved = move.Result;
            Step();
            if (moved)
            {
                var index = _count++;
                if ((index & (ChunkSize - 1)) == 0)
                {
                    _items.Add(new T[ChunkSize]);
                }

                Current = inner.Current;
                _items[index >> ChunkShift][index & (ChunkSize - 1)] = Current;
            }

            return new ValueTask<bool>(moved);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();

        private void Step()
        {
            if (Thread.CurrentThread != _owner)
            {
                throw new InvalidOperationException("One thread only.");
            }

            _events++;
        }
    }
}
