using System.Runtime.CompilerServices;

namespace MergingFeeds.Broken;

/// <summary>Merges two streams like <see cref="FeedMerger"/>, but asks both for their next item on every round.</summary>
/// <remarks>
/// The bug this suite catches: the slower stream's <c>MoveNextAsync</c> loses the race, is forgotten, and is called
/// again on the next round while the first call is still pending. Overlapping calls break the
/// <c>IAsyncEnumerator</c> contract: real sources (a compiler-generated iterator, a channel reader, a network
/// stream) lose items, throw, or corrupt their state. This version also disposes both streams while a call is in flight.
/// </remarks>
public static class OverlappingMerger
{
    /// <summary>Yields items of both streams as they arrive, with overlapping calls on the slower stream.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="left">The first stream.</param>
    /// <param name="right">The second stream.</param>
    /// <param name="cancellationToken">Cancels both streams.</param>
    /// <returns>The merged items.</returns>
    public static async IAsyncEnumerable<T> MergeAsync<T>(IAsyncEnumerable<T> left, IAsyncEnumerable<T> right, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var leftEnumerator = left.GetAsyncEnumerator(cancellationToken);
        var rightEnumerator = right.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                var leftNext = leftEnumerator.MoveNextAsync().AsTask(); // BUG: called again while the last one is pending.
                var rightNext = rightEnumerator.MoveNextAsync().AsTask();
                var ready = await Task.WhenAny(leftNext, rightNext);
                if (!await ready)
                {
                    yield break;
                }

                yield return ready == leftNext ? leftEnumerator.Current : rightEnumerator.Current;
            }
        }
        finally
        {
            await leftEnumerator.DisposeAsync();
            await rightEnumerator.DisposeAsync();
        }
    }
}
