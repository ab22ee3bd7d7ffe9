using System.Runtime.CompilerServices;

namespace Batcher;

/// <summary>Groups an async stream into batches that close when they are full or when their time window ends.</summary>
public static class TimeWindowBatcher
{
    /// <summary>Yields batches of at most <paramref name="maxSize"/> items, each closed no later than <paramref name="window"/> after its first item.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The items to batch.</param>
    /// <param name="maxSize">The size at which a batch closes at once.</param>
    /// <param name="window">How long a batch stays open after its first item.</param>
    /// <param name="clock">The time source the window runs on.</param>
    /// <param name="cancellationToken">Cancels the batching and the source.</param>
    /// <returns>The batches, in order; the last one holds the tail that was open when the source completed.</returns>
    /// <remarks>
    /// While the window runs, one <c>MoveNextAsync</c> on the source stays pending. When the consumer stops, the batcher
    /// cancels that call, waits for it to end, and only then disposes the source: an enumerator must not be disposed
    /// while a <c>MoveNextAsync</c> on it is in flight. A source error ends the stream with that error; the open batch is lost.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSize"/> or <paramref name="window"/> is not positive.</exception>
    public static IAsyncEnumerable<IReadOnlyList<T>> BatchAsync<T>(
        this IAsyncEnumerable<T> source,
        int maxSize,
        TimeSpan window,
        TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSize);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        return Iterate(source, maxSize, window, clock, cancellationToken);
    }

    private static async IAsyncEnumerable<IReadOnlyList<T>> Iterate<T>(
        IAsyncEnumerable<T> source,
        int maxSize,
        TimeSpan window,
        TimeProvider clock,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var sourceCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var enumerator = source.GetAsyncEnumerator(sourceCancellation.Token);
        Task<bool>? pending = null;
        try
        {
            var batch = new List<T>(maxSize);
            long windowStart = 0;
            while (true)
            {
                pending ??= enumerator.MoveNextAsync().AsTask();
                if (batch.Count > 0 && !pending.IsCompleted)
                {
                    var remaining = window - clock.GetElapsedTime(windowStart);
                    using var windowTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    var windowEnd = Task.Delay(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, clock, windowTimer.Token);
                    var first = await Task.WhenAny(pending, windowEnd);
                    // Cancel, not CancelAsync: CancelAsync runs the callbacks on the thread pool, outside virtual time.
                    windowTimer.Cancel(); // removes the window's timer when the item won
                    if (first == windowEnd)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        yield return batch;
                        batch = new List<T>(maxSize);
                        continue; // the MoveNextAsync stays pending for the next batch
                    }
                }

                var hasItem = await pending;
                pending = null;
                if (!hasItem)
                {
                    break;
                }

                if (batch.Count == 0)
                {
                    windowStart = clock.GetTimestamp();
                }

                batch.Add(enumerator.Current);
                if (batch.Count == maxSize)
                {
                    yield return batch;
                    batch = new List<T>(maxSize);
                }
            }

            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
        finally
        {
            if (pending is { IsCompleted: false })
            {
                sourceCancellation.Cancel();
                await ((Task)pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            }

            await enumerator.DisposeAsync();
        }
    }
}
