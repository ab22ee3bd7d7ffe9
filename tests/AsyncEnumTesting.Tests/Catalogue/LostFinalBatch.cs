using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>An operator that groups items into batches of a fixed size, to write them in bulk.</summary>
internal static class Batcher
{
    /// <summary>Bug: yields only full batches; the items left over when the source completes are dropped.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<int>> BuggyAsync(IAsyncEnumerable<int> source, int size, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var batch = new List<int>(size);
        await foreach (var item in source.WithCancellation(ct))
        {
            batch.Add(item);
            if (batch.Count == size)
            {
                yield return batch;
                batch = new List<int>(size);
            }
        }
    }

    /// <summary>Twin: flushes the partial batch at completion.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<int>> TwinAsync(IAsyncEnumerable<int> source, int size, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var batch = new List<int>(size);
        await foreach (var item in source.WithCancellation(ct))
        {
            batch.Add(item);
            if (batch.Count == size)
            {
                yield return batch;
                batch = new List<int>(size);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}

public sealed class LostFinalBatchTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "lost tail",
        """
        await foreach (var item in source.WithCancellation(ct))
        {   batch.Add(item); if (batch.Count == size) { yield return batch; batch = new(size); } }
        // no `if (batch.Count > 0) yield return batch;` after the loop
        """,
        """
        Expected an item, but "batches" completed after 2 items.
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator  token: cancellable
          00:02.000  #1 MoveNextAsync -> [1, 2]
          00:04.000  #1 MoveNextAsync -> [3, 4]
          00:05.000  #1 MoveNextAsync -> completed      <- expected an item
          00:05.000  #1 DisposeAsync
        """);

    [Fact]
    public async Task Twin_FiveItemsInBatchesOfTwo_Passes()
    {
        var clock = new VirtualClock();
        await using var reader = Batcher.TwinAsync(Items(clock), 2).OpenReader(clock, new() { Name = "batches" });

        Assert.Equal([1, 2], await reader.AwaitItemAsync());
        Assert.Equal([3, 4], await reader.AwaitItemAsync());
        Assert.Equal([5], await reader.AwaitItemAsync());
        await reader.AwaitCompletionAsync();
    }

    [Fact]
    public async Task Bug_FiveItemsInBatchesOfTwo_FailsNamingTheCause()
    {
        var clock = new VirtualClock();
        await using var reader = Batcher.BuggyAsync(Items(clock), 2).OpenReader(clock, new() { Name = "batches" });
        Assert.Equal([1, 2], await reader.AwaitItemAsync());
        Assert.Equal([3, 4], await reader.AwaitItemAsync());

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitItemAsync);

        // The batches show as their type name: the kit formats items with ToString(), which collections do not override.
        Assert.Equal(
            Gallery.Message,
            ex.Message);
    }

    private static ScriptedSequence<int> Items(VirtualClock clock)
    {
        var script = FakeSequence.Script<int>(clock);
        for (var i = 1; i <= 5; i++)
        {
            script.Wait(TimeSpan.FromSeconds(1)).Yield(i);
        }

        return script.Complete();
    }
}
