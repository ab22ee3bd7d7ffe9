namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A consumer that forwards a feed to a sink and must report a broken feed to its caller.</summary>
internal static class Forwarder
{
    /// <summary>Bug: treats a broken feed as the end of the work, so its caller believes every row was forwarded.</summary>
    public static async Task BuggyAsync(IAsyncEnumerable<int> feed, MarkingSink sink, CancellationToken ct = default)
    {
        try
        {
            await foreach (var row in feed.WithCancellation(ct))
            {
                await sink.WriteAsync(row);
            }
        }
        catch (IOException)
        {
            // "Nothing more to forward."
        }
    }

    /// <summary>Twin: lets the feed's error reach the caller, which can retry or report it.</summary>
    public static async Task TwinAsync(IAsyncEnumerable<int> feed, MarkingSink sink, CancellationToken ct = default)
    {
        await foreach (var row in feed.WithCancellation(ct))
        {
            await sink.WriteAsync(row);
        }
    }
}

public sealed class ConsumerSwallowsErrorTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "consumer swallows the source's error",
        """
        try { await foreach (var row in feed.WithCancellation(ct)) await sink.WriteAsync(row); }
        catch (IOException) { }                       // the caller never learns the feed broke
        await forward.Should(timeline).Throw<IOException>();
        """,
        """
        Expected forward to throw IOException, but it completed without an exception, although "feed" #1 threw IOException: connection reset at 00:03.000: the consumer caught it and went on.
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator      token: none
          00:01.000  #1 MoveNextAsync -> 1
          00:01.000     mark "wrote 1"
          00:02.000  #1 MoveNextAsync -> 2
          00:02.000     mark "wrote 2"
          00:03.000  #1 MoveNextAsync -> threw  IOException: connection reset
          00:03.000  #1 DisposeAsync
        """);

    [Fact]
    public async Task Twin_FeedBreaksAfterTwoRows_Passes()
    {
        var (timeline, feed) = Arrange();

        var forward = () => Forwarder.TwinAsync(feed, new MarkingSink(timeline));

        await forward.Should(timeline).Throw<IOException>();
    }

    [Fact]
    public async Task Bug_FeedBreaksAfterTwoRows_FailsNamingTheCause()
    {
        var (timeline, feed) = Arrange();
        Func<Task> forward = () => Forwarder.BuggyAsync(feed, new MarkingSink(timeline));

        var message = await CatalogueFailure.Of(() => forward.Should(timeline).Throw<IOException>());

        Assert.Equal(Gallery.Message.ReplaceLineEndings(), message);
    }

    private static (Timeline Timeline, Probe<int> Feed) Arrange()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var step = TimeSpan.FromSeconds(1);
        var feed = FakeSequence.Script<int>(clock).Wait(step).Yield(1).Wait(step).Yield(2).Wait(step).Fail(new IOException("connection reset")).Probe(timeline, "feed");
        return (timeline, feed);
    }
}
