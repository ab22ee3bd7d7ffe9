using System.Runtime.CompilerServices;

namespace MergingFeeds;

/// <summary>Merges two async streams into one, passing on each item as soon as either stream produces it.</summary>
public static class FeedMerger
{
    /// <summary>Yields the items of <paramref name="left"/> and <paramref name="right"/> in the order they arrive.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="left">The first stream; it wins ties when both have an item ready.</param>
    /// <param name="right">The second stream.</param>
    /// <param name="cancellationToken">Cancels the merge and both streams.</param>
    /// <returns>The merged items; completes when both streams completed.</returns>
    /// <remarks>
    /// <para>At most one <c>MoveNextAsync</c> is pending on each stream: the next one starts only after the consumer
    /// took the previous item. An error from either stream ends the merge with that error.</para>
    /// <para>Disposal order, whatever ends the merge (completion, error, cancellation, the consumer stopping):
    /// both streams are cancelled, then <paramref name="right"/> is disposed, then <paramref name="left"/>, the reverse
    /// of the order they were opened in, as nested <c>await using</c> blocks would do. A stream is disposed only after
    /// its pending <c>MoveNextAsync</c> ended.</para>
    /// </remarks>
    public static IAsyncEnumerable<T> MergeAsync<T>(IAsyncEnumerable<T> left, IAsyncEnumerable<T> right, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return Iterate(left, right, cancellationToken);
    }

    private static async IAsyncEnumerable<T> Iterate<T>(IAsyncEnumerable<T> left, IAsyncEnumerable<T> right, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var leftEnumerator = left.GetAsyncEnumerator(both.Token);
        Task<bool>? leftNext = null;
        try
        {
            var rightEnumerator = right.GetAsyncEnumerator(both.Token);
            Task<bool>? rightNext = null;
            try
            {
                leftNext = leftEnumerator.MoveNextAsync().AsTask();
                rightNext = rightEnumerator.MoveNextAsync().AsTask();
                while (leftNext is not null || rightNext is not null)
                {
                    var ready = leftNext is null ? rightNext! : rightNext is null ? leftNext : await Task.WhenAny(leftNext, rightNext);
                    if (ready == leftNext)
                    {
                        leftNext = null;
                        if (await ready)
                        {
                            yield return leftEnumerator.Current;
                            leftNext = leftEnumerator.MoveNextAsync().AsTask();
                        }
                    }
                    else
                    {
                        rightNext = null;
                        if (await ready)
                        {
                            yield return rightEnumerator.Current;
                            rightNext = rightEnumerator.MoveNextAsync().AsTask();
                        }
                    }
                }
            }
            finally
            {
                both.Cancel();
                await EndAsync(rightNext);
                await rightEnumerator.DisposeAsync();
            }
        }
        finally
        {
            both.Cancel();
            await EndAsync(leftNext);
            await leftEnumerator.DisposeAsync();
        }
    }

    /// <summary>Waits for a pending <c>MoveNextAsync</c> to end, ignoring its outcome: the merge is over already.</summary>
    private static async Task EndAsync(Task<bool>? pending)
    {
        if (pending is not null)
        {
            await ((Task)pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }
    }
}
