using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A reader of a sensor feed that gives up when the feed is silent for too long.</summary>
internal static class SilenceGuard
{
    public static readonly TimeSpan PerItem = TimeSpan.FromSeconds(5);

    /// <summary>Bug: the deadline is made once, so it bounds the whole stream, not the wait for each reading.</summary>
    public static async IAsyncEnumerable<int> BuggyAsync(IAsyncEnumerable<int> feed, TimeProvider clock, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var deadline = new CancellationTokenSource(PerItem, clock);
        await using var readings = feed.GetAsyncEnumerator(deadline.Token);
        while (await NextAsync(readings, deadline))
        {
            yield return readings.Current;
        }
    }

    /// <summary>Twin: restarts the deadline before each wait, so only a silent gap longer than <see cref="PerItem"/> fails.</summary>
    public static async IAsyncEnumerable<int> TwinAsync(IAsyncEnumerable<int> feed, TimeProvider clock, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var deadline = new CancellationTokenSource(PerItem, clock);
        await using var readings = feed.GetAsyncEnumerator(deadline.Token);
        while (await NextAsync(readings, deadline))
        {
            yield return readings.Current;
            deadline.CancelAfter(PerItem);
        }
    }

    private static async Task<bool> NextAsync(IAsyncEnumerator<int> readings, CancellationTokenSource deadline)
    {
        try
        {
            return await readings.MoveNextAsync();
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"No reading within {PerItem.TotalSeconds} s.");
        }
    }
}

public sealed class WholeStreamTimeoutTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "whole-stream timeout (meant per item)",
        """
        using var deadline = new CancellationTokenSource(PerItem, clock);   // made once: bounds the whole stream
        await using var readings = feed.GetAsyncEnumerator(deadline.Token);
        while (await NextAsync(readings, deadline)) yield return readings.Current;   // no deadline.CancelAfter(PerItem) per item
        """,
        """
        Expected 3 items, but received [1, 2], then "readings" failed after 2 items, at 00:05.000 (00:01.000 after item [1], 00:05.000 into the stream), with TimeoutException: No reading within 5 s.
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator      token: cancellable
          00:01.000  #1 MoveNextAsync -> 1
          00:04.000  #1 MoveNextAsync -> 2
          00:05.000  #1 MoveNextAsync -> threw  TimeoutException: No reading within 5 s.      <- expected an item
          00:05.000  #1 DisposeAsync
        """);

    [Fact]
    public async Task Twin_ReadingsThreeSecondsApart_Passes()
    {
        var clock = new VirtualClock();
        await using var reader = SilenceGuard.TwinAsync(Feed(clock), clock).OpenReader(clock, new() { Name = "readings" });

        Assert.Equal([1, 2, 3], await reader.AwaitItemsAsync(3));
        await reader.AwaitCompletionAsync();
    }

    [Fact]
    public async Task Bug_ReadingsThreeSecondsApart_FailsNamingTheCause()
    {
        var clock = new VirtualClock();
        await using var reader = SilenceGuard.BuggyAsync(Feed(clock), clock).OpenReader(clock, new() { Name = "readings" });

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.AwaitItemsAsync(3));

        Assert.Equal(Gallery.Message, ex.Message);
    }

    private static ScriptedSequence<int> Feed(VirtualClock clock) =>
        FakeSequence.Script<int>(clock).Wait(TimeSpan.FromSeconds(1)).Yield(1).Wait(TimeSpan.FromSeconds(3)).Yield(2)
            .Wait(TimeSpan.FromSeconds(3)).Yield(3).Complete();
}
