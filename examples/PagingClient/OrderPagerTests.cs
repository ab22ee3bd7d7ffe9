using AsyncEnumTesting;
using PagingClient.Broken;

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
        var orders = new OrderPager(api, pageSize: 3).ReadAllAsync().Probe(new Timeline(clock), "orders");
        using var cts = new CancellationTokenSource();

        var act = async () =>
        {
            await foreach (var order in orders.WithCancellation(cts.Token))
            {
                if (order.Id == 2)
                {
                    cts.Cancel(); // order 3 is already in memory: the pager must not yield it
                }
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(act);
        var run = Assert.Single(orders.Enumerations);
        Assert.Equal([1, 2], run.Items.Select(o => o.Id));
        Assert.Equal(EnumerationOutcome.Canceled, run.Outcome);
        Assert.True(run.IsDisposed);
        Assert.Single(api.Calls);
    });

    [Fact]
    public Task ReadAllAsync_ConsumerStopsAfterTwoOrders_IsDisposedAndFetchesNoFurtherPage() => VirtualTime.RunAsync(async clock =>
    {
        var api = new FakeOrderApi(clock, orderCount: 7, Latency);
        var orders = new OrderPager(api, pageSize: 3).ReadAllAsync().Probe(new Timeline(clock), "orders");

        await orders.Take(2).ToListAsync();

        var run = Assert.Single(orders.Enumerations);
        Assert.Equal(EnumerationOutcome.Abandoned, run.Outcome);
        Assert.Equal(Latency, run.DisposedAt);
        Assert.Single(api.Calls);
    });

    [Fact]
    public Task UncheckedOrderPager_CancelledMidPage_KeepsYieldingAsTheTimelineShows() => VirtualTime.RunAsync(async clock =>
    {
        var timeline = new Timeline(clock);
        var api = new FakeOrderApi(clock, orderCount: 7, Latency);
        var orders = new UncheckedOrderPager(api, pageSize: 3).ReadAllAsync().Select(o => o.Id).Probe(timeline, "orders");
        using var cts = new CancellationTokenSource();

        var act = async () =>
        {
            await foreach (var id in orders.WithCancellation(cts.Token))
            {
                if (id == 2)
                {
                    cts.Cancel();
                }
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(act);
        Assert.Equal([1, 2, 3], orders.Items); // order 3 came after the token was cancelled: the bug
        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.200  #1 MoveNextAsync -> 1
              00:00.200  #1 MoveNextAsync -> 2
              00:00.200  #1 token canceled
              00:00.200  #1 MoveNextAsync -> 3
              00:00.200  #1 MoveNextAsync -> canceled
              00:00.200  #1 DisposeAsync
            """,
            timeline.Render());
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
