using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Benchmarks.Probes;

/// <summary>The sources the probe, reader and assertion benchmarks consume: 0, 1, ..., count - 1, never waiting.</summary>
internal static class Sources
{
    /// <summary>Returns a hand-written sequence whose <c>MoveNextAsync</c> returns an already completed <see cref="ValueTask{TResult}"/>: the tightest baseline.</summary>
    public static IAsyncEnumerable<int> HandWritten(int count) => new CompletedRange(count);

    /// <summary>Yields the same items from a compiler-generated async iterator: what users write.</summary>
    public static async IAsyncEnumerable<int> Iterator(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }

        // An iterator that never awaits draws CS1998; this completed await costs nothing and keeps it honest.
        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>Returns 0, 1, ..., count - 1 as an array, the expectation assertions compare with.</summary>
    public static int[] Expected(int count) => Enumerable.Range(0, count).ToArray();

    /// <summary>Consumes <paramref name="source"/> with <c>await foreach</c>; returns the sum so the loop is not optimized away.</summary>
    public static async Task<long> SumAsync(IAsyncEnumerable<int> source)
    {
        long sum = 0;
        await foreach (var item in source)
        {
            sum += item;
        }

        return sum;
    }

    /// <summary>Throws unless <paramref name="actual"/> is the sum of 0 .. count - 1, so a broken benchmark cannot pass silently.</summary>
    /// <exception cref="InvalidOperationException">The sum is wrong.</exception>
    public static void CheckSum(long actual, int count)
    {
        var expected = (long)count * (count - 1) / 2;
        if (actual != expected)
        {
            throw new InvalidOperationException($"Expected the sum {expected} of 0 .. {count - 1}, but got {actual}.");
        }
    }

    private sealed class CompletedRange(int count) : IAsyncEnumerable<int>
    {
        public IAsyncEnumerator<int> GetAsyncEnumerator(CancellationToken cancellationToken = default) => new Enumerator(count);

        private sealed class Enumerator(int count) : IAsyncEnumerator<int>
        {
            private int _next;

            public int Current { get; private set; } = -1;

            public ValueTask<bool> MoveNextAsync()
            {
                if (_next >= count)
                {
                    return new ValueTask<bool>(false);
                }

                Current = _next++;
                return new ValueTask<bool>(true);
            }

            public ValueTask DisposeAsync() => default;
        }
    }
}
