using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A consumer-facing feed that reconnects when its source drops the connection; the source replays from its start.</summary>
internal static class ReconnectingFeed
{
    /// <summary>Bug: after a dropped connection it reads the source again from the start and yields every item again.</summary>
    public static async IAsyncEnumerable<int> BuggyAsync(IAsyncEnumerable<int> source, int attempts, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var items = source.GetAsyncEnumerator(ct);
            while (true)
            {
                bool more;
                try
                {
                    more = await items.MoveNextAsync();
                }
                catch (IOException) when (attempt < attempts)
                {
                    break; // reconnect
                }

                if (!more)
                {
                    yield break;
                }

                yield return items.Current;
            }
        }
    }

    /// <summary>Twin: on the new connection, skips the items it already yielded.</summary>
    public static async IAsyncEnumerable<int> TwinAsync(IAsyncEnumerable<int> source, int attempts, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var sent = 0;
        for (var attempt = 1; ; attempt++)
        {
            await using var items = source.GetAsyncEnumerator(ct);
            var seen = 0;
            while (true)
            {
                bool more;
                try
                {
                    more = await items.MoveNextAsync();
                }
                catch (IOException) when (attempt < attempts)
                {
                    break; // reconnect
                }

                if (!more)
                {
                    yield break;
                }

                if (++seen > sent)
                {
                    sent++;
                    yield return items.Current;
                }
            }
        }
    }
}

public sealed class RetryStartsOverTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "retry that starts over (a reconnect yields the items already sent again)",
        """
        try { more = await items.MoveNextAsync(); }
        catch (IOException) when (attempt < attempts) { break; }   // reconnect: a new enumeration
        yield return items.Current;                                // from the start, duplicates included
        """,
        """
        Expected "quotes" to complete, but "quotes" yielded 2.
        Timeline (virtual time):
          00:00.000  quotes#1       GetAsyncEnumerator      token: cancellable
          00:00.000  quotes#1       MoveNextAsync started
          00:00.000  connection 1#1 GetAsyncEnumerator      token: cancellable
          00:00.000  connection 1#1 MoveNextAsync -> 1
          00:00.000  quotes#1       MoveNextAsync -> 1
          00:00.000  quotes#1       MoveNextAsync started
          00:01.000  connection 1#1 MoveNextAsync -> 2
          00:01.000  quotes#1       MoveNextAsync -> 2
          00:01.000  quotes#1       MoveNextAsync started
          00:02.000  connection 1#1 MoveNextAsync -> threw  IOException: connection reset
          00:02.000  connection 1#1 DisposeAsync
          00:02.000  connection 2#1 GetAsyncEnumerator      token: cancellable
          00:02.000  connection 2#1 MoveNextAsync -> 1
          00:02.000  quotes#1       MoveNextAsync -> 1
          00:02.000  quotes#1       MoveNextAsync started
          00:03.000  connection 2#1 MoveNextAsync -> 2
          00:03.000  quotes#1       MoveNextAsync -> 2      <- expected the completion
        """);

    [Fact]
    public async Task Twin_ConnectionDropsAfterTwoItems_YieldsEachItemOnce()
    {
        var (clock, timeline, feed) = Feed();
        await using var reader = ReconnectingFeed.TwinAsync(feed, attempts: 3).OpenReader(clock, new() { Name = "quotes", Timeline = timeline });

        Assert.Equal([1, 2, 3], await reader.AwaitItemsAsync(3));
        await reader.AwaitCompletionAsync();
    }

    [Fact]
    public async Task Bug_ConnectionDropsAfterTwoItems_FailsNamingTheCause()
    {
        var (clock, timeline, feed) = Feed();
        await using var reader = ReconnectingFeed.BuggyAsync(feed, attempts: 3).OpenReader(clock, new() { Name = "quotes", Timeline = timeline });
        await reader.AwaitItemsAsync(3);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitCompletionAsync);
        await reader.CancelAndIgnoreRemainingAsync();

        Assert.Equal(Gallery.Message, ex.Message);
    }

    /// <summary>A source whose first connection drops after two items and whose second replays all three.</summary>
    private static (VirtualClock Clock, Timeline Timeline, IAsyncEnumerable<int> Feed) Feed()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var feed = FakeSequence.PerEnumeration(
            FakeSequence.Script<int>(clock, "connection 1", timeline).Yield(1).Wait(Second).Yield(2).Wait(Second).Fail(new IOException("connection reset")),
            FakeSequence.Script<int>(clock, "connection 2", timeline).Yield(1).Wait(Second).Yield(2).Wait(Second).Yield(3));
        return (clock, timeline, feed);
    }
}
