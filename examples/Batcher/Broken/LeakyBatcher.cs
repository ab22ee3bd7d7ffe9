using System.Runtime.CompilerServices;

namespace Batcher.Broken;

/// <summary>Batches by size like <see cref="TimeWindowBatcher"/>, but never disposes its source when the consumer stops early.</summary>
/// <remarks>
/// The bug this suite catches: the enumerator is disposed after the loop, not in a <c>finally</c>. When the consumer
/// stops (a <c>break</c>, <c>Take</c>, an exception), the iterator's <c>finally</c> blocks run but this line never does:
/// the source's connection, file or lease stays open.
/// </remarks>
public static class LeakyBatcher
{
    /// <summary>Yields batches of <paramref name="maxSize"/> items and the tail.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The items to batch.</param>
    /// <param name="maxSize">The batch size.</param>
    /// <param name="cancellationToken">Cancels the batching.</param>
    /// <returns>The batches.</returns>
    public static async IAsyncEnumerable<IReadOnlyList<T>> BatchAsync<T>(
        this IAsyncEnumerable<T> source,
        int maxSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var enumerator = source.GetAsyncEnumerator(cancellationToken);
        var batch = new List<T>(maxSize);
        while (await enumerator.MoveNextAsync())
        {
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

        await enumerator.DisposeAsync(); // BUG: skipped when the consumer stops early.
    }
}
