using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Reading;

/// <summary>Tiny timed sources for reader tests, on the test's virtual clock.</summary>
internal static class Sources
{
    /// <summary>Yields <paramref name="items"/>, each after <paramref name="gap"/> (none when zero), then ends as told.</summary>
    public static async IAsyncEnumerable<int> Timed(
        VirtualClock clock,
        TimeSpan gap,
        int[] items,
        Exception? error = null,
        bool hang = false,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var item in items)
        {
            if (gap > TimeSpan.Zero)
            {
                await Task.Delay(gap, clock, ct);
            }

            yield return item;
        }

        if (error is not null)
        {
            throw error;
        }

        if (hang)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, clock, ct);
        }
    }

    /// <summary>Yields each item at its own virtual time since the first MoveNextAsync.</summary>
    public static async IAsyncEnumerable<int> At(VirtualClock clock, (double Seconds, int Item)[] script, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var start = clock.Elapsed;
        foreach (var (seconds, item) in script)
        {
            var due = start + TimeSpan.FromSeconds(seconds) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, clock, ct);
            }

            yield return item;
        }
    }

    /// <summary>Waits on something only the test completes; ignores cancellation when told to.</summary>
    public static async IAsyncEnumerable<int> Waiting(Task gate, bool honorCancellation = true, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await (honorCancellation ? gate.WaitAsync(ct) : gate);
        yield return 1;
    }

    /// <summary>Yields forever, synchronously: a reader must not pull it dry.</summary>
    public static async IAsyncEnumerable<int> Endless([EnumeratorCancellation] CancellationToken ct = default)
    {
        await Task.CompletedTask;
        for (var i = 1; ; i++)
        {
            ct.ThrowIfCancellationRequested();
            yield return i;
        }
    }

    /// <summary>Yields the value <paramref name="local"/> has in the flow of each <c>MoveNextAsync</c>, synchronously, forever.</summary>
    public static async IAsyncEnumerable<string?> ReadingLocal(AsyncLocal<string?> local, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await Task.CompletedTask;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            yield return local.Value;
        }
    }

    /// <summary>Yields <paramref name="items"/> synchronously, then fails at once: thrown from <c>MoveNextAsync</c> itself, or
    /// as an already faulted <see cref="ValueTask{TResult}"/>.</summary>
    public static IAsyncEnumerable<int> FailingAtOnce(int[] items, Exception error, bool thrown) => new FailingAtOnceSource(items, error, thrown);

    private sealed class FailingAtOnceSource(int[] items, Exception error, bool thrown) : IAsyncEnumerable<int>, IAsyncEnumerator<int>
    {
        private int _next;

        public int Current { get; private set; }

        public IAsyncEnumerator<int> GetAsyncEnumerator(CancellationToken cancellationToken = default) => this;

        public ValueTask<bool> MoveNextAsync()
        {
            if (_next < items.Length)
            {
                Current = items[_next++];
                return new ValueTask<bool>(true);
            }

            return thrown ? throw error : ValueTask.FromException<bool>(error);
        }

        public ValueTask DisposeAsync() => default;
    }
}
