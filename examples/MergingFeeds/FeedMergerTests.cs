using AsyncEnumTesting;
using MergingFeeds.Broken;

namespace MergingFeeds;

public sealed class FeedMergerTests
{
    [Fact]
    public Task MergeAsync_TwoFeeds_YieldsQuotesInArrivalOrder() => VirtualTime.RunAsync(async clock =>
    {
        var nyse = QuoteFeed.Play(clock, "nyse", [(1, 10m), (4, 11m), (5, 12m)]);
        var lse = QuoteFeed.Play(clock, "lse", [(2, 20m), (3, 21m), (6, 22m)]);

        var merged = await FeedMerger.MergeAsync(nyse, lse).ToListAsync();

        Assert.Equal([10m, 20m, 21m, 11m, 12m, 22m], merged.Select(q => q.Price));
    });

    [Fact]
    public Task MergeAsync_OneFeedMuchFaster_NeverOverlapsMoveNextOnEitherFeed() => VirtualTime.RunAsync(async clock =>
    {
        var timeline = new Timeline(clock);
        var fast = QuoteFeed.Play(clock, "fast", [(1, 1m), (2, 2m), (3, 3m), (4, 4m)]).Probe(timeline, "fast");
        var slow = QuoteFeed.Play(clock, "slow", [(10, 100m)]).Probe(timeline, "slow");

        await FeedMerger.MergeAsync(fast, slow).ToListAsync();

        // A probe throws at the first overlapping MoveNextAsync and records it; none happened.
        Assert.Empty(fast.Violations);
        Assert.Empty(slow.Violations);
        Assert.Equal([1m, 2m, 3m, 4m], fast.Items.Select(q => q.Price));
    });

    [Fact]
    public Task MergeAsync_ConsumerStopsEarly_CancelsBothThenDisposesRightThenLeft() => VirtualTime.RunAsync(async clock =>
    {
        var timeline = new Timeline(clock);
        var nyse = QuoteFeed.Play(clock, "nyse", [(1, 10m), (4, 11m)]).Probe(timeline, "nyse");
        var lse = QuoteFeed.Play(clock, "lse", [(2, 20m), (60, 21m)]).Probe(timeline, "lse");

        await FeedMerger.MergeAsync(nyse, lse).Take(2).ToListAsync();

        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  nyse#1 GetAsyncEnumerator  token: cancellable
              00:00.000  lse#1  GetAsyncEnumerator  token: cancellable
              00:00.000  nyse#1 MoveNextAsync started
              00:00.000  lse#1  MoveNextAsync started
              00:01.000  nyse#1 MoveNextAsync -> nyse@10
              00:01.000  nyse#1 MoveNextAsync started
              00:02.000  lse#1  MoveNextAsync -> lse@20
              00:02.000  lse#1  token canceled
              00:02.000  nyse#1 token canceled
              00:02.000  lse#1  DisposeAsync
              00:02.000  nyse#1 MoveNextAsync -> canceled
              00:02.000  nyse#1 DisposeAsync
            """,
            timeline.Render());
    });

    [Fact]
    public Task MergeAsync_OneFeedFails_SurfacesItsErrorAndDisposesBoth() => VirtualTime.RunAsync(async clock =>
    {
        var timeline = new Timeline(clock);
        var nyse = QuoteFeed.Play(clock, "nyse", [(1, 10m)], new IOException("nyse feed dropped")).Probe(timeline, "nyse");
        var lse = QuoteFeed.Play(clock, "lse", [(2, 20m), (60, 21m)]).Probe(timeline, "lse");

        var act = async () => await FeedMerger.MergeAsync(nyse, lse).ToListAsync();

        var ex = await Assert.ThrowsAsync<IOException>(act);
        Assert.Equal("nyse feed dropped", ex.Message);
        Assert.Empty(nyse.UndisposedEnumerations);
        Assert.Empty(lse.UndisposedEnumerations);
        Assert.Equal(EnumerationOutcome.Canceled, lse.Enumerations[0].Outcome); // its pending call was cancelled first
    });

    [Fact]
    public Task OverlappingMerger_SlowFeed_IsCaughtByTheProbeAtTheOverlappingCall() => VirtualTime.RunAsync(async clock =>
    {
        var timeline = new Timeline(clock);
        var nyse = QuoteFeed.Play(clock, "nyse", [(1, 10m), (2, 11m)]).Probe(timeline, "nyse");
        var lse = QuoteFeed.Play(clock, "lse", [(10, 20m)]).Probe(timeline, "lse");

        var act = async () => await OverlappingMerger.MergeAsync(nyse, lse).ToListAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(act);
        var overlap = Assert.Single(lse.Violations);
        Assert.Equal(ProbeViolationKind.OverlappingMoveNext, overlap.Kind);
        Assert.Equal(
            "MoveNextAsync was called on enumeration #1 of probe \"lse\" while its previous MoveNextAsync (called at 00:00.000) " +
            "was still pending. Await each MoveNextAsync before calling the next one: an async enumerator does not support overlapping calls.",
            overlap.Message);
    });
}
