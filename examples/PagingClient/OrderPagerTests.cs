using AsyncEnumTesting;

namespace PagingClient;

public sealed class OrderPagerTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(200);

    [Fact]
    public Task ReadAllAsync_ThreePages_YieldsEveryOrderInOrder() => VirtualTime.RunAsync(async clock =>
    {
        var api = new FakeOrderApi(clock, orderCount: 7, Latency);
        var pager = new OrderPager(api, pageSize: 3);

        var ids = await pager.ReadAllAsync().Select(o => o.Id).ToListAsync();

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], ids);
        Assert.Equal([null, "4", "7"], api.Calls.Select(c => c.PageToken));
        Assert.Equal(3 * Latency, clock.Elapsed);
    });

    [Fact]
    public Task ReadAllAsync_WithToken_PassesTheTokenToEveryPageCall() => VirtualTime.RunAsync(async clock =>
    {
        var api = new FakeOrderApi(clock, orderCount: 7, Latency);
        using var cts = new CancellationTokenSource();

        await foreach (var _ in new OrderPager(api, pageSize: 3).ReadAllAsync(cts.Token))
        {
        }

        Assert.Equal(3, api.Calls.Count);
        Assert.All(api.Calls, call => Assert.Equal(cts.Token, call.Token));
    });

    [Fact]
    public Task ReadAllAsync_CancelledMidPage_StopsBeforeTheNextOrder() => VirtualTime.RunAsync(async clock =>
    {
        var api = new FakeOrderApi(clock, orderCount: 7, Latency);
        using var cts = new CancellationTokenSource();
        var seen = new List<int>();

        var act = async () =>
        {
            await foreach (var order in new OrderPager(api, pageSize: 3).ReadAllAsync(cts.Token))
            {
                seen.Add(order.Id);
                if (order.Id == 2)
                {
                    cts.Cancel();
                }
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(act);
        Assert.Equal([1, 2], seen);
        Assert.Single(api.Calls);
    });

    [Fact]
    public Task ReadAllAsync_ConsumerStopsAfterTwoOrders_FetchesNoFurtherPage() => VirtualTime.RunAsync(async clock =>
    {
        var api = new FakeOrderApi(clock, orderCount: 7, Latency);

        var firstTwo = await new OrderPager(api, pageSize: 3).ReadAllAsync().Take(2).ToListAsync();

        Assert.Equal([1, 2], firstTwo.Select(o => o.Id));
        Assert.Single(api.Calls);
    });

    [Fact]
    public Task ReadAllAsync_SecondPageFails_YieldsTheFirstPageThenThrows() => VirtualTime.RunAsync(async clock =>
    {
        var api = new FakeOrderApi(clock, orderCount: 7, Latency) { FailOnPageToken = "4" };
        var seen = new List<int>();

        var act = async () =>
        {
            await foreach (var order in new OrderPager(api, pageSize: 3).ReadAllAsync())
            {
                seen.Add(order.Id);
            }
        };

        var ex = await Assert.ThrowsAsync<HttpRequestException>(act);
        Assert.Equal("GET /orders?pageToken=4 failed: 503 Service Unavailable", ex.Message);
        Assert.Equal([1, 2, 3], seen);
    });

    [Fact]
    public Task ReadAllAsync_BeforeFirstMoveNext_CallsNoPage() => VirtualTime.RunAsync(async clock =>
    {
        var api = new FakeOrderApi(clock, orderCount: 7, Latency);

        await using var enumerator = new OrderPager(api).ReadAllAsync().GetAsyncEnumerator();

        Assert.Empty(api.Calls);
    });
}
