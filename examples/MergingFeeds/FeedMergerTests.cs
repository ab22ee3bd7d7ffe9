using AsyncEnumTesting;

namespace MergingFeeds;

public sealed class FeedMergerTests
{
    [Fact]
    public Task MergeAsync_TwoFeeds_YieldsQuotesInArrivalOrder() => VirtualTime.RunAsync(async clock =>
    {
        var log = new List<string>();
        var nyse = new QuoteFeed("nyse", clock, log, (1, 10m), (4, 11m), (5, 12m));
        var lse = new QuoteFeed("lse", clock, log, (2, 20m), (3, 21m), (6, 22m));

        var merged = await FeedMerger.MergeAsync(nyse, lse).ToListAsync();

        Assert.Equal([10m, 20m, 21m, 11m, 12m, 22m], merged.Select(q => q.Price));
    });

    [Fact]
    public Task MergeAsync_OneFeedFast_NeverOverlapsMoveNextOnEitherFeed() => VirtualTime.RunAsync(async clock =>
    {
        var log = new List<string>();
        var fast = new QuoteFeed("fast", clock, log, (1, 1m), (2, 2m), (3, 3m), (4, 4m));
        var slow = new QuoteFeed("slow", clock, log, (10, 100m));

        await FeedMerger.MergeAsync(fast, slow).ToListAsync();

        Assert.Equal(1, fast.MaxPendingMoveNext);
        Assert.Equal(1, slow.MaxPendingMoveNext);
    });

    [Fact]
    public Task MergeAsync_ConsumerStopsEarly_DisposesRightThenLeft() => VirtualTime.RunAsync(async clock =>
    {
        var log = new List<string>();
        var nyse = new QuoteFeed("nyse", clock, log, (1, 10m), (4, 11m));
        var lse = new QuoteFeed("lse", clock, log, (2, 20m), (60, 21m));

        await FeedMerger.MergeAsync(nyse, lse).Take(2).ToListAsync();

        Assert.Equal(["lse disposed", "nyse disposed"], log);
        Assert.Equal(TimeSpan.FromSeconds(2), clock.Elapsed); // the pending calls were cancelled, not waited for
    });

    [Fact]
    public Task MergeAsync_OneFeedFails_SurfacesItsErrorAndDisposesBoth() => VirtualTime.RunAsync(async clock =>
    {
        var log = new List<string>();
        var nyse = new QuoteFeed("nyse", clock, log, (1, 10m)) { ThenFail = new IOException("nyse feed dropped") };
        var lse = new QuoteFeed("lse", clock, log, (2, 20m), (60, 21m));

        var act = async () => await FeedMerger.MergeAsync(nyse, lse).ToListAsync();

        var ex = await Assert.ThrowsAsync<IOException>(act);
        Assert.Equal("nyse feed dropped", ex.Message);
        Assert.Equal(["lse disposed", "nyse disposed"], log);
    });
}
