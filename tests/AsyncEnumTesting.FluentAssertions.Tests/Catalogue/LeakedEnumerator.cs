namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A consumer that finds the first price above a limit.</summary>
internal static class FirstAbove
{
    /// <summary>Bug: returns from inside the loop, so <c>DisposeAsync</c> runs only when no price matched.</summary>
    public static async Task<int?> BuggyAsync(IAsyncEnumerable<int> prices, int limit)
    {
        var enumerator = prices.GetAsyncEnumerator();
        while (await enumerator.MoveNextAsync())
        {
            if (enumerator.Current > limit)
            {
                return enumerator.Current;
            }
        }

        await enumerator.DisposeAsync();
        return null;
    }

    /// <summary>Twin: <c>await foreach</c> disposes on every way out.</summary>
    public static async Task<int?> TwinAsync(IAsyncEnumerable<int> prices, int limit)
    {
        await foreach (var price in prices)
        {
            if (price > limit)
            {
                return price;
            }
        }

        return null;
    }
}

public sealed class LeakedEnumeratorTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "leaked enumerator",
        """
        var e = prices.GetAsyncEnumerator();
        while (await e.MoveNextAsync()) if (e.Current > limit) return e.Current;   // leaves without DisposeAsync
        prices.Should().BeDisposed();
        """,
        """
        Expected prices to be disposed, but enumeration #1 was never disposed: the consumer stopped after 3 items without DisposeAsync.
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator  token: none
          00:01.000  #1 MoveNextAsync -> 3
          00:02.000  #1 MoveNextAsync -> 7
          00:02.000  #1 MoveNextAsync -> 12      <- no DisposeAsync after this
        """);

    [Fact]
    public async Task Twin_StopsAtFirstMatch_Passes()
    {
        var (clock, prices) = Arrange();

        Assert.Equal(12, await VirtualTime.RunAsync(clock, _ => FirstAbove.TwinAsync(prices, 10)));

        prices.Should().BeDisposed();
    }

    [Fact]
    public async Task Bug_StopsAtFirstMatch_FailsNamingTheCause()
    {
        var (clock, prices) = Arrange();
        Assert.Equal(12, await VirtualTime.RunAsync(clock, _ => FirstAbove.BuggyAsync(prices, 10)));

        var message = CatalogueFailure.Of(() => prices.Should().BeDisposed());

        Assert.Equal(Gallery.Message.ReplaceLineEndings(), message);
    }

    private static (VirtualClock Clock, Probe<int> Prices) Arrange()
    {
        var clock = new VirtualClock();
        var second = TimeSpan.FromSeconds(1);
        return (clock, FakeSequence.Script<int>(clock).Wait(second).Yield(3).Wait(second).Yield(7, 12, 5).Complete().Probe(new Timeline(clock), "prices"));
    }
}
