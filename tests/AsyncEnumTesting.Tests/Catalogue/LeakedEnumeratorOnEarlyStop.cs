namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A consumer that finds the first price above a limit by enumerating by hand.</summary>
internal static class FirstPriceAbove
{
    /// <summary>Bug: returns from inside the loop, so <c>DisposeAsync</c> runs only when no price matched.</summary>
    public static async Task<int?> BuggyAsync(IAsyncEnumerable<int> prices, int limit, CancellationToken ct = default)
    {
        var enumerator = prices.GetAsyncEnumerator(ct);
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

    /// <summary>Twin: disposes in a <c>finally</c>, as <c>await foreach</c> would.</summary>
    public static async Task<int?> TwinAsync(IAsyncEnumerable<int> prices, int limit, CancellationToken ct = default)
    {
        var enumerator = prices.GetAsyncEnumerator(ct);
        try
        {
            while (await enumerator.MoveNextAsync())
            {
                if (enumerator.Current > limit)
                {
                    return enumerator.Current;
                }
            }

            return null;
        }
        finally
        {
            await enumerator.DisposeAsync();
        }
    }
}

public sealed class LeakedEnumeratorOnEarlyStopTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "leaked enumerator",
        """
        var e = prices.GetAsyncEnumerator(ct);
        while (await e.MoveNextAsync()) { if (e.Current > limit) return e.Current; }   // returns without DisposeAsync
        await e.DisposeAsync();
        """,
        """
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator  token: none
          00:01.000  #1 MoveNextAsync -> 3
          00:02.000  #1 MoveNextAsync -> 7
          00:02.000  #1 MoveNextAsync -> 12
        """);

    [Fact]
    public async Task Twin_StopsAtFirstMatch_Passes()
    {
        var clock = new VirtualClock();
        var probe = Prices(clock).Probe(new Timeline(clock), "prices");

        var first = await VirtualTime.RunAsync(clock, _ => FirstPriceAbove.TwinAsync(probe, 10));

        Assert.Equal(12, first);
        Assert.Empty(probe.UndisposedEnumerations);
    }

    [Fact]
    public async Task Bug_StopsAtFirstMatch_FailsNamingTheCause()
    {
        var clock = new VirtualClock();
        var probe = Prices(clock).Probe(new Timeline(clock), "prices");

        var first = await VirtualTime.RunAsync(clock, _ => FirstPriceAbove.BuggyAsync(probe, 10));

        Assert.Equal(12, first);
        var leaked = Assert.Single(probe.UndisposedEnumerations);
        Assert.Equal("#1: 3 item(s), Running, not disposed", leaked.ToString());
        Assert.Equal(
            Gallery.Message,
            probe.ToString());
    }

    private static ScriptedSequence<int> Prices(VirtualClock clock) =>
        FakeSequence.Script<int>(clock).Wait(TimeSpan.FromSeconds(1)).Yield(3).Wait(TimeSpan.FromSeconds(1)).Yield(7, 12, 5).Complete();
}
