using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A producer that parses order lines read from a remote feed.</summary>
internal static class OrderFeed
{
    /// <summary>Bug: treats a dropped connection as the end of the feed, so the consumer believes it has every order.</summary>
    public static async IAsyncEnumerable<int> BuggyAsync(IAsyncEnumerable<string> lines, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var enumerator = lines.GetAsyncEnumerator(ct);
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    break;
                }
            }
            catch (IOException)
            {
                break;
            }

            yield return int.Parse(enumerator.Current, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Twin: lets the feed's exception reach the consumer.</summary>
    public static async IAsyncEnumerable<int> TwinAsync(IAsyncEnumerable<string> lines, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var line in lines.WithCancellation(ct))
        {
            yield return int.Parse(line, System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

public sealed class SwallowedErrorTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "swallowed error",
        """
        try { if (!await e.MoveNextAsync()) break; }
        catch (IOException) { break; }   // a dropped connection looks like the end of the feed
        yield return Parse(e.Current);
        """,
        """
        Expected "orders" to fail with IOException, but "orders" completed after 2 items.
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator  token: cancellable
          00:01.000  #1 MoveNextAsync -> 101
          00:02.000  #1 MoveNextAsync -> 102
          00:03.000  #1 MoveNextAsync -> completed      <- expected IOException
          00:03.000  #1 DisposeAsync
        """);

    [Fact]
    public async Task Twin_FeedDropsAfterTwoLines_Passes()
    {
        var clock = new VirtualClock();
        await using var reader = OrderFeed.TwinAsync(Lines(clock)).OpenReader(clock, new() { Name = "orders" });

        Assert.Equal([101, 102], await reader.AwaitItemsAsync(2));
        var error = await reader.AwaitErrorAsync<IOException>();

        Assert.Equal("connection reset by peer", error.Message);
    }

    [Fact]
    public async Task Bug_FeedDropsAfterTwoLines_FailsNamingTheCause()
    {
        var clock = new VirtualClock();
        await using var reader = OrderFeed.BuggyAsync(Lines(clock)).OpenReader(clock, new() { Name = "orders" });
        Assert.Equal([101, 102], await reader.AwaitItemsAsync(2));

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitErrorAsync<IOException>);

        Assert.Equal(
            Gallery.Message,
            ex.Message);
    }

    private static ScriptedSequence<string> Lines(VirtualClock clock) =>
        FakeSequence.Script<string>(clock).Wait(TimeSpan.FromSeconds(1)).Yield("101").Wait(TimeSpan.FromSeconds(1)).Yield("102")
            .Wait(TimeSpan.FromSeconds(1)).Fail(new IOException("connection reset by peer"));
}
