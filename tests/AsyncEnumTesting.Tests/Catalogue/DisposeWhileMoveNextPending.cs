namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A consumer that takes the first quote, or gives up after a timeout.</summary>
internal static class FirstQuoteOrNothing
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>Bug: on timeout it disposes the enumerator while its MoveNextAsync is still running.</summary>
    public static async Task<int?> BuggyAsync(IAsyncEnumerable<int> quotes, TimeProvider clock)
    {
        var enumerator = quotes.GetAsyncEnumerator();
        var move = enumerator.MoveNextAsync().AsTask();
        if (await Task.WhenAny(move, Task.Delay(Timeout, clock)) != move)
        {
            await enumerator.DisposeAsync();
            return null;
        }

        var quote = await move ? enumerator.Current : (int?)null;
        await enumerator.DisposeAsync();
        return quote;
    }

    /// <summary>Twin: cancels the enumerator's token, lets the pending call end, then disposes.</summary>
    public static async Task<int?> TwinAsync(IAsyncEnumerable<int> quotes, TimeProvider clock)
    {
        using var timeout = new CancellationTokenSource(Timeout, clock);
        var enumerator = quotes.GetAsyncEnumerator(timeout.Token);
        try
        {
            return await enumerator.MoveNextAsync() ? enumerator.Current : null;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            await enumerator.DisposeAsync();
        }
    }
}

public sealed class DisposeWhileMoveNextPendingTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "disposal while MoveNextAsync is pending",
        """
        var move = enumerator.MoveNextAsync().AsTask();
        if (await Task.WhenAny(move, Task.Delay(Timeout, clock)) != move)
        {   await enumerator.DisposeAsync(); return null; }   // the call is still running
        """,
        """
        DisposeAsync was called on enumeration #1 of probe "quotes" while MoveNextAsync (called at 00:00.000) was still pending. A compiler-generated async iterator throws NotSupportedException there; a correct consumer cancels the enumerator's token, awaits the pending MoveNextAsync, then disposes.
        """);

    [Fact]
    public async Task Twin_SlowFeed_Passes()
    {
        var clock = new VirtualClock();
        var quotes = SlowFeed(clock).Probe(new Timeline(clock), "quotes");

        var quote = await VirtualTime.RunAsync(clock, c => FirstQuoteOrNothing.TwinAsync(quotes, c));

        Assert.Null(quote);
        Assert.Empty(quotes.Violations);
        Assert.Empty(quotes.UndisposedEnumerations);
    }

    [Fact]
    public async Task Bug_SlowFeed_FailsNamingTheCause()
    {
        var clock = new VirtualClock();
        var quotes = SlowFeed(clock).Probe(new Timeline(clock), "quotes");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => VirtualTime.RunAsync(clock, c => FirstQuoteOrNothing.BuggyAsync(quotes, c)));

        Assert.Equal(Gallery.Message, ex.Message);
    }

    private static ScriptedSequence<int> SlowFeed(VirtualClock clock) =>
        FakeSequence.Script<int>(clock).Wait(TimeSpan.FromSeconds(10)).Yield(1).Complete();
}
