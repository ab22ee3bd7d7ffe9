using AsyncEnumTesting;
using ConsumerService.Broken;

namespace ConsumerService;

public sealed class ShipmentFeedConsumerTests
{
    private static readonly TimeSpan SaveLatency = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);

    private static readonly ShipmentEvent Picked = new("S1", "picked");
    private static readonly ShipmentEvent Shipped = new("S1", "shipped");
    private static readonly ShipmentEvent Delivered = new("S1", "delivered");

    [Fact]
    public Task ConsumeAsync_EventsTenSecondsApart_SavesEachOneAsItArrives() => VirtualTime.RunAsync(async clock =>
    {
        var store = new FakeShipmentStore(clock, SaveLatency);
        var feed = new CarrierFeed(clock, (0, Picked), (10, Shipped), (20, Delivered));

        var saved = await new ShipmentFeedConsumer(store, clock, IdleTimeout).ConsumeAsync(feed);

        Assert.Equal(3, saved);
        Assert.Equal([1, 11, 21], store.Saved.Select(s => s.At.TotalSeconds));
        Assert.Equal(1, feed.Disposals);
    });

    [Fact]
    public Task ConsumeAsync_StoreFails_DisposesTheFeedAndSurfacesTheStoreError() => VirtualTime.RunAsync(async clock =>
    {
        var store = new FakeShipmentStore(clock, SaveLatency) { FailOn = "S2" };
        var feed = new CarrierFeed(clock, (0, Picked), (1, new ShipmentEvent("S2", "picked")), (60, Delivered));

        var act = () => new ShipmentFeedConsumer(store, clock, IdleTimeout).ConsumeAsync(feed);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(act);
        Assert.Equal("Cannot save S2: unique constraint violated.", ex.Message);
        Assert.Equal(1, feed.Disposals);
        Assert.Equal(TimeSpan.FromSeconds(2), clock.Elapsed);
    });

    [Fact]
    public Task ConsumeAsync_FeedFails_SurfacesTheFeedErrorUnchanged() => VirtualTime.RunAsync(async clock =>
    {
        var store = new FakeShipmentStore(clock, SaveLatency);
        var feed = new CarrierFeed(clock, (0, Picked)) { ThenFail = new IOException("carrier closed the connection") };

        var act = () => new ShipmentFeedConsumer(store, clock, IdleTimeout).ConsumeAsync(feed);

        var ex = await Assert.ThrowsAsync<IOException>(act);
        Assert.Equal("carrier closed the connection", ex.Message);
        Assert.Single(store.Saved);
    });

    [Fact]
    public Task ConsumeAsync_FeedSilentForTheIdleTimeout_GivesUpOnTheClock() => VirtualTime.RunAsync(async clock =>
    {
        var store = new FakeShipmentStore(clock, SaveLatency);
        var feed = new CarrierFeed(clock, (0, Picked), (5, Shipped)) { ThenGoSilent = true };

        var act = () => new ShipmentFeedConsumer(store, clock, IdleTimeout).ConsumeAsync(feed);

        var ex = await Assert.ThrowsAsync<TimeoutException>(act);
        Assert.Equal("The shipment feed sent nothing for 30 s; gave up after 2 event(s).", ex.Message);
        Assert.Equal(TimeSpan.FromSeconds(5 + 1 + 30), clock.Elapsed); // 30 s after the last save finished
        Assert.Equal(1, feed.Disposals);
    });

    [Fact]
    public Task ConsumeAsync_HostShutsDown_StopsAndDisposesTheFeed() => VirtualTime.RunAsync(async clock =>
    {
        var store = new FakeShipmentStore(clock, SaveLatency);
        var feed = new CarrierFeed(clock, (0, Picked), (10, Shipped), (20, Delivered));
        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(15), clock);

        var act = () => new ShipmentFeedConsumer(store, clock, IdleTimeout).ConsumeAsync(feed, shutdown.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(act);
        Assert.Equal(2, store.Saved.Count);
        Assert.Equal(1, feed.Disposals);
        Assert.Equal(TimeSpan.FromSeconds(15), clock.Elapsed);
    });

    [Fact]
    public Task BufferingFeedConsumer_EventsTenSecondsApart_SavesNothingUntilTheFeedEnds() => VirtualTime.RunAsync(async clock =>
    {
        var store = new FakeShipmentStore(clock, SaveLatency);
        var feed = new CarrierFeed(clock, (0, Picked), (10, Shipped), (20, Delivered));

        await new BufferingFeedConsumer(store).ConsumeAsync(feed);

        Assert.Equal([21, 22, 23], store.Saved.Select(s => s.At.TotalSeconds));
    });
}
