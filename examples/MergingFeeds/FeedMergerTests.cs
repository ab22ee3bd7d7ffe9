using AsyncEnumTesting;
using AsyncEnumTesting.FluentAssertions;
using MergingFeeds.Broken;

namespace MergingFeeds;

public sealed class FeedMergerTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public Task MergeAsync_TwoFeeds_YieldsQuotesInArrivalOrder() => VirtualTime.RunAsync(async clock =>
    {
        // One frame is a second: nyse quotes at 00:01, 00:04 and 00:05; lse at 00:02, 00:03 and 00:06.
        var nyse = FakeSequence.FromMarbles(clock, "-a--bc|", c => new Quote("nyse", 10 + c - 'a'), frame: Second);
        var lse = FakeSequence.FromMarbles(clock, "--ab--c|", c => new Quote("lse", 20 + c - 'a'), frame: Second);

        await FeedMerger.MergeAsync(nyse, lse).Select(q => q.Price).Should(clock).YieldInOrder(10m, 20m, 21m, 11m, 12m, 22m);

        Assert.Equal((1, 1), (nyse.Disposals, lse.Disposals));
    });

    [Fact]
    public Task MergeAsync_OneFeedMuchFaster_NeverOverlapsMoveNextOnEitherFeed() => VirtualTime.RunAsync(async clock =>
    {
        var timeline = new Timeline(clock);
        var fast = FakeSequence.FromMarbles(clock, "-abcd|", c => new Quote("fast", c - 'a'), frame: Second).Probe(timeline, "fast");
        var slow = FakeSequence.FromMarbles(clock, "---------a|", c => new Quote("slow", 100), frame: Second).Probe(timeline, "slow");

        await FeedMerger.MergeAsync(fast, slow).ToListAsync();

        // A probe throws at the first overlapping MoveNextAsync and records it; none happened.
        fast.Should().HaveNoProtocolViolations();
        slow.Should().HaveNoProtocolViolations();
        Assert.Equal([0m, 1m, 2m, 3m], fast.Items.Select(q => q.Price));
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
        timeline.Should().HaveInOrder(
            e => e.Source == "lse" && e.Kind == TimelineEventKind.Disposed,
            e => e.Source == "nyse" && e.Kind == TimelineEventKind.Disposed);
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
        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  nyse#1 GetAsyncEnumerator  token: none
              00:00.000  lse#1  GetAsyncEnumerator  token: none
              00:00.000  nyse#1 MoveNextAsync started
              00:00.000  lse#1  MoveNextAsync started
              00:01.000  nyse#1 MoveNextAsync -> nyse@10
              00:01.000  nyse#1 MoveNextAsync started
              00:01.000  lse#1  VIOLATION           MoveNextAsync was called on enumeration #1 of probe "lse" while its previous MoveNextAsync (called at 00:00.000) was still pending. …
              00:01.000  nyse#1 VIOLATION           DisposeAsync was called on enumeration #1 of probe "nyse" while MoveNextAsync (called at 00:01.000) was still pending. …
            """,
            timeline.Render());
    });
}
