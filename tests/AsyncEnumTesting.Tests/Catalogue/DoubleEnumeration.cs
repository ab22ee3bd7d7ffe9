namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A consumer that summarises the orders an API streams: how many, and their total.</summary>
internal static class OrderSummary
{
    /// <summary>Bug: counts with one enumeration and sums with another, so the API is called twice (and may answer differently).</summary>
    public static async Task<(int Count, int Total)> BuggyAsync(IAsyncEnumerable<int> orders, CancellationToken ct = default)
    {
        var count = await orders.CountAsync(ct);
        var total = 0;
        await foreach (var amount in orders.WithCancellation(ct))
        {
            total += amount;
        }

        return (count, total);
    }

    /// <summary>Twin: enumerates once into a list and works on the list.</summary>
    public static async Task<(int Count, int Total)> TwinAsync(IAsyncEnumerable<int> orders, CancellationToken ct = default)
    {
        var list = await orders.ToListAsync(ct);
        return (list.Count, list.Sum());
    }
}

public sealed class DoubleEnumerationTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "double enumeration",
        """
        var count = await orders.CountAsync(ct);          // enumeration #1
        await foreach (var amount in orders.WithCancellation(ct))   // enumeration #2: the API is called twice
            total += amount;
        """,
        """
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator  token: none
          00:00.100  #1 MoveNextAsync -> 10
          00:00.100  #1 MoveNextAsync -> 20
          00:00.100  #1 MoveNextAsync -> 30
          00:00.100  #1 MoveNextAsync -> completed
          00:00.100  #1 DisposeAsync
          00:00.100  #2 GetAsyncEnumerator  token: none
          00:00.200  #2 MoveNextAsync -> 10
          00:00.200  #2 MoveNextAsync -> 20
          00:00.200  #2 MoveNextAsync -> 30
          00:00.200  #2 MoveNextAsync -> completed
          00:00.200  #2 DisposeAsync
        """);

    [Fact]
    public async Task Twin_ThreeOrders_Passes()
    {
        var clock = new VirtualClock();
        var probe = Orders(clock).Probe(new Timeline(clock), "orders");

        var summary = await VirtualTime.RunAsync(clock, _ => OrderSummary.TwinAsync(probe));

        Assert.Equal((3, 60), summary);
        Assert.Single(probe.Enumerations);
    }

    [Fact]
    public async Task Bug_ThreeOrders_FailsNamingTheCause()
    {
        var clock = new VirtualClock();
        var probe = Orders(clock).Probe(new Timeline(clock), "orders");

        var summary = await VirtualTime.RunAsync(clock, _ => OrderSummary.BuggyAsync(probe));

        Assert.Equal((3, 60), summary);
        Assert.Equal(
            ["#1: 3 item(s), Completed at 00:00.100, disposed at 00:00.100", "#2: 3 item(s), Completed at 00:00.200, disposed at 00:00.200"],
            probe.Enumerations.Select(e => e.ToString()));
        Assert.Equal(
            Gallery.Message,
            probe.ToString());
    }

    private static ScriptedSequence<int> Orders(VirtualClock clock) =>
        FakeSequence.Script<int>(clock).Wait(TimeSpan.FromMilliseconds(100)).Yield(10, 20, 30).Complete();
}
