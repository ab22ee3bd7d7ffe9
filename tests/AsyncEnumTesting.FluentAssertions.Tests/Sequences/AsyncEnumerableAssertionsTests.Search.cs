using static AsyncEnumTesting.FluentAssertions.Tests.Sources;

namespace AsyncEnumTesting.FluentAssertions.Tests.Sequences;

/// <content>The search assertions: any order, eventually, in order with gaps, on endless sources too.</content>
public sealed partial class AsyncEnumerableAssertionsTests
{
    [Fact]
    public async Task YieldInAnyOrder_Permutation_Passes()
    {
        await Of(3, 1, 2, 1).Should().YieldInAnyOrder(1, 1, 2, 3);
    }

    [Fact]
    public async Task YieldInAnyOrder_UnexpectedItem_FailsAtOnce()
    {
        var message = await FailureOf(() => Of(3, 3).Should().YieldInAnyOrder(3, 1));

        Assert.Equal(
            Lines(
                "Expected Of(3, 3) to yield {3, 1} in any order, but item [1] was 3, which was not expected (or not that often).",
                "Timeline (real time):",
                "  --:--.---  #1 GetAsyncEnumerator  token: cancellable",
                "  --:--.---  #1 MoveNextAsync -> 3",
                "  --:--.---  #1 MoveNextAsync -> 3      <- not expected",
                "  --:--.---  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task YieldInAnyOrder_MissingItems_FailsAtCompletion()
    {
        var message = await FailureOf(() => Of(2).Should().YieldInAnyOrder(1, 2, 3));

        Assert.Equal(
            Lines(
                "Expected Of(2) to yield {1, 2, 3} in any order, but it completed after 1 item without yielding {1, 3}.",
                "Timeline (real time):",
                "  --:--.---  #1 GetAsyncEnumerator  token: cancellable",
                "  --:--.---  #1 MoveNextAsync -> 2",
                "  --:--.---  #1 MoveNextAsync -> completed      <- missing {1, 3}",
                "  --:--.---  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task YieldEventually_MatchOnEndlessSource_ReturnsItAndStops()
    {
        var clock = new VirtualClock();

        var match = await Poll(clock, 1000).Should(clock).YieldEventually(n => n > 2);

        Assert.Equal(3, match.Which);
        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public async Task YieldEventually_EndlessSourceNeverMatches_FailsAfterTheVirtualTimeLimit()
    {
        var clock = new VirtualClock();
        var ticks = Poll(clock, 60_000);

        var message = await FailureOf(() => ticks.Should(clock).YieldEventually(n => n < 0));

        Assert.StartsWith(
            "Expected ticks to eventually yield an item matching (n < 0), but it yielded 61 items over 1:01:00.000 of virtual time " +
            "(the limit for a search is 1:00:00.000), none matching.",
            message,
            StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(61), clock.Elapsed);
    }

    [Fact]
    public async Task ContainInOrder_EndlessSourceNeverYieldsTheNext_FailsAfterTheVirtualTimeLimit()
    {
        var clock = new VirtualClock();
        var ticks = Poll(clock, 60_000);

        var message = await FailureOf(() => ticks.Should(clock).ContainInOrder(2, -1));

        Assert.StartsWith(
            "Expected ticks to yield {2, -1} in order, other items allowed in between, but it yielded 61 items over 1:01:00.000 of " +
            "virtual time (the limit for a search is 1:00:00.000), and item [1] of the expected ones (-1) had not come.",
            message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task YieldEventually_NoMatch_Fails()
    {
        var message = await FailureOf(() => Of(1, 2).Should().YieldEventually(n => n > 2));

        Assert.Equal(
            Lines(
                "Expected Of(1, 2) to eventually yield an item matching (n > 2), but it completed after 2 items, none matching.",
                "Timeline (real time):",
                "  --:--.---  #1 GetAsyncEnumerator  token: cancellable",
                "  --:--.---  #1 MoveNextAsync -> 1",
                "  --:--.---  #1 MoveNextAsync -> 2",
                "  --:--.---  #1 MoveNextAsync -> completed      <- expected a match",
                "  --:--.---  #1 DisposeAsync"),
            message);
    }
}
