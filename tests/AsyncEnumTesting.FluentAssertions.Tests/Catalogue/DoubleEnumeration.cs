namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A consumer that summarises orders.</summary>
internal static class Summary
{
    /// <summary>Bug: counts with one enumeration and sums with another, so the API is asked twice.</summary>
    public static async Task<(int Count, int Total)> BuggyAsync(IAsyncEnumerable<int> orders)
    {
        var count = await orders.CountAsync();
        var total = 0;
        await foreach (var amount in orders)
        {
            total += amount;
        }

        return (count, total);
    }

    /// <summary>Twin: one enumeration.</summary>
    public static async Task<(int Count, int Total)> TwinAsync(IAsyncEnumerable<int> orders)
    {
        var list = await orders.ToListAsync();
        return (list.Count, list.Sum());
    }
}

public sealed class DoubleEnumerationTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "double enumeration",
        """
        var count = await orders.CountAsync();               // enumeration #1
        await foreach (var amount in orders) total += amount;  // enumeration #2: the API is called twice
        orders.Should().BeEnumeratedOnce();
        """,
        """
        Expected orders to be enumerated once, but it was enumerated 2 times.
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator  token: none
          00:00.100  #1 MoveNextAsync -> 10
          00:00.100  #1 MoveNextAsync -> 20
          00:00.100  #1 MoveNextAsync -> 30
          00:00.100  #1 MoveNextAsync -> completed
          00:00.100  #1 DisposeAsync
          00:00.100  #2 GetAsyncEnumerator  token: none      <- one too many
          00:00.200  #2 MoveNextAsync -> 10
          00:00.200  #2 MoveNextAsync -> 20
          00:00.200  #2 MoveNextAsync -> 30
          00:00.200  #2 MoveNextAsync -> completed
          00:00.200  #2 DisposeAsync
        """);

    [Fact]
    public async Task Twin_ThreeOrders_Passes()
    {
        var (clock, orders) = Arrange();

        Assert.Equal((3, 60), await VirtualTime.RunAsync(clock, _ => Summary.TwinAsync(orders)));

        orders.Should().BeEnumeratedOnce();
    }

    [Fact]
    public async Task Bug_ThreeOrders_FailsNamingTheCause()
    {
        var (clock, orders) = Arrange();
        Assert.Equal((3, 60), await VirtualTime.RunAsync(clock, _ => Summary.BuggyAsync(orders)));

        var message = CatalogueFailure.Of(() => orders.Should().BeEnumeratedOnce());

        Assert.Equal(Gallery.Message.ReplaceLineEndings(), message);
    }

    private static (VirtualClock Clock, Probe<int> Orders) Arrange()
    {
        var clock = new VirtualClock();
        return (clock, FakeSequence.Script<int>(clock).Wait(TimeSpan.FromMilliseconds(100)).Yield(10, 20, 30).Complete().Probe(new Timeline(clock), "orders"));
    }
}
