using AsyncEnumTesting;
using AsyncEnumTesting.FluentAssertions;
using ConsumerService.Broken;
using static AsyncEnumTesting.TimelineEventKind;

namespace ConsumerService;

public sealed class ShipmentFeedConsumerTests
{
    private static readonly TimeSpan SaveLatency = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);

    private static readonly ShipmentEvent Picked = new("S1", "picked");
    private static readonly ShipmentEvent Shipped = new("S1", "shipped");
    private static readonly ShipmentEvent Delivered = new("S1", "delivered");

    [Fact]
    public Task ConsumeAsync_EventsTenSecondsApart_SavesEachBeforeAskingForTheNext() => VirtualTime.RunAsync(async clock =>
    {
        var timeline = new Timeline(clock);
        var store = new FakeShipmentStore(timeline, SaveLatency);
        var feed = ThreeEventsTenSecondsApart(clock).Probe(timeline, "feed");

        var saved = await new ShipmentFeedConsumer(store, clock, IdleTimeout).ConsumeAsync(feed);

        Assert.Equal(3, saved);
        Assert.Equal( // each save lands before the next event is asked for: streamed, not buffered
            [Yielded, Mark, Yielded, Mark, Yielded, Mark],
            timeline.Events.Where(e => e.Kind is Yielded or Mark).Select(e => e.Kind));
        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.000  #1 MoveNextAsync -> S1 picked
              00:01.000     mark "saved S1 picked"
              00:10.000  #1 MoveNextAsync -> S1 shipped
              00:11.000     mark "saved S1 shipped"
              00:20.000  #1 MoveNextAsync -> S1 delivered
              00:21.000     mark "saved S1 delivered"
              00:30.000  #1 MoveNextAsync -> completed
              00:30.000  #1 DisposeAsync
            """,
            timeline.Render());
    });

    [Fact]
    public Task ConsumeAsync_StoreFails_DisposesTheFeedAndSurfacesTheStoreError() => VirtualTime.RunAsync(async clock =>
    {
        var timeline = new Timeline(clock);
        var store = new FakeShipmentStore(timeline, SaveLatency) { FailOn = "S2" };
        var feed = FakeSequence.Script<ShipmentEvent>(clock).Yield(Picked, new ShipmentEvent("S2", "picked")).Wait(TimeSpan.FromMinutes(1)).Yield(Delivered).Probe(timeline, "feed");

        var act = () => new ShipmentFeedConsumer(store, clock, IdleTimeout).ConsumeAsync(feed);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(act);
        Assert.Equal("Cannot save S2: unique constraint violated.", ex.Message);
        feed.Should().BeDisposedAfter(items: 2);
    });

    [Fact]
    public Task ConsumeAsync_FeedFails_SurfacesTheFeedErrorUnchanged() => VirtualTime.RunAsync(async clock =>
    {
        var timeline = new Timeline(clock);
        var store = new FakeShipmentStore(timeline, SaveLatency);
        var feed = FakeSequence.Script<ShipmentEvent>(clock).Yield(Picked).Fail(new IOException("carrier closed the connection")).Probe(timeline, "feed");

        var act = () => new ShipmentFeedConsumer(store, clock, IdleTimeout).ConsumeAsync(feed);

        var ex = await Assert.ThrowsAsync<IOException>(act);
        Assert.Equal("carrier closed the connection", ex.Message);
        Assert.Same(ex, feed.Enumerations[0].Exception);
        Assert.Equal([Picked], store.Saved);
    });

    [Fact]
    public Task ConsumeAsync_FeedSilentForTheIdleTimeout_GivesUpOnTheClock() => VirtualTime.RunAsync(async clock =>
    {
        var timeline = new Timeline(clock);
        var store = new FakeShipmentStore(timeline, SaveLatency);
        var feed = FakeSequence.Script<ShipmentEvent>(clock).Yield(Picked).Wait(TimeSpan.FromSeconds(4)).Yield(Shipped).HangUntilCanceled().Probe(timeline, "feed");

        var act = () => new ShipmentFeedConsumer(store, clock, IdleTimeout).ConsumeAsync(feed);

        var ex = await Assert.ThrowsAsync<TimeoutException>(act);
        Assert.Equal("The shipment feed sent nothing for 30 s; gave up after 2 event(s).", ex.Message);
        var run = Assert.Single(feed.Enumerations);
        Assert.Equal(TimeSpan.FromSeconds(5 + 1 + 30), run.TokenCanceledAt); // 30 s after the last save finished
        Assert.Equal(EnumerationOutcome.Canceled, run.Outcome);
        Assert.True(run.IsDisposed);
    });

    [Fact]
    public Task ConsumeAsync_HostShutsDownDuringASave_StopsAndDisposesTheFeed() => VirtualTime.RunAsync(async clock =>
    {
        var timeline = new Timeline(clock);
        var store = new FakeShipmentStore(timeline, SaveLatency);
        var feed = ThreeEventsTenSecondsApart(clock).Probe(timeline, "feed");
        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(20.5), clock); // while "delivered" is being saved

        var act = () => new ShipmentFeedConsumer(store, clock, IdleTimeout).ConsumeAsync(feed, shutdown.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(act);
        Assert.Equal([Picked, Shipped], store.Saved);
        var run = Assert.Single(feed.Enumerations);
        Assert.Equal(TimeSpan.FromSeconds(20.5), run.DisposedAt);
    });

    [Fact]
    public Task BufferingFeedConsumer_EventsTenSecondsApart_SavesNothingUntilTheFeedEnds() => VirtualTime.RunAsync(async clock =>
    {
        var timeline = new Timeline(clock);
        var store = new FakeShipmentStore(timeline, SaveLatency);
        var feed = ThreeEventsTenSecondsApart(clock).Probe(timeline, "feed");

        await new BufferingFeedConsumer(store).ConsumeAsync(feed);

        Assert.False(timeline.HappenedBefore(
            e => e.Kind == Mark,
            e => e.Kind == Completed)); // the first save came after the feed's end
        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: none
              00:00.000  #1 MoveNextAsync -> S1 picked
              00:10.000  #1 MoveNextAsync -> S1 shipped
              00:20.000  #1 MoveNextAsync -> S1 delivered
              00:30.000  #1 MoveNextAsync -> completed
              00:30.000  #1 DisposeAsync
              00:31.000     mark "saved S1 picked"
              00:32.000     mark "saved S1 shipped"
              00:33.000     mark "saved S1 delivered"
            """,
            timeline.Render());
    });

    /// <summary>The carrier's feed as a marble diagram: one frame is ten seconds, so events at 00:00, 00:10 and 00:20.</summary>
    private static ScriptedSequence<ShipmentEvent> ThreeEventsTenSecondsApart(VirtualClock clock) => FakeSequence.FromMarbles(
        clock,
        "abc|",
        new Dictionary<char, ShipmentEvent> { ['a'] = Picked, ['b'] = Shipped, ['c'] = Delivered },
        frame: TimeSpan.FromSeconds(10));
}
