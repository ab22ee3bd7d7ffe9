using AsyncEnumTesting;
using AsyncEnumTesting.Xunit.V3;
using PagingClient.Broken;

namespace PagingClient.XunitV3;

// The same tests as examples/PagingClient, under xunit v3 with [VirtualTimeFact] from AsyncEnumTesting.Xunit.V3: each test gets
// its own clock, the hang guard, and its timelines in the output when it fails.
public sealed class OrderPagerTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(200);

    [VirtualTimeFact]
    public async Task ReadAllAsync_ThreePages_YieldsEveryOrderInOrder(VirtualClock clock)
    {
        var api = new FakeOrderApi(clock, orderCount: 7, Latency);

        var ids = await new OrderPager(api, pageSize: 3).ReadAllAsync().Select(o => o.Id).ToListAsync();

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], ids);
        Assert.Equal([null, "4", "7"], api.Calls.Select(c => c.PageToken));
    }

    [VirtualTimeFact]
    public async Task ReadAllAsync_WithToken_PassesTheTokenToEveryPageCall(VirtualClock clock)
    {
        var api = new FakeOrderApi(clock, orderCount: 7, Latency);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        await new OrderPager(api, pageSize: 3).ReadAllAsync(cts.Token).ToListAsync(cts.Token);

        Assert.All(api.Calls, call => Assert.Equal(cts.Token, call.Token));
    }

    [VirtualTimeFact]
    public async Task ReadAllAsync_ConsumerStopsAfterTwoOrders_IsDisposedAndFetchesNoFurtherPage(VirtualClock clock)
    {
        var api = new FakeOrderApi(clock, orderCount: 7, Latency);
        var orders = new OrderPager(api, pageSize: 3).ReadAllAsync().Probe(new Timeline(clock), "orders");

        await orders.Take(2).ToListAsync();

        var run = Assert.Single(orders.Enumerations);
        Assert.Equal(EnumerationOutcome.Abandoned, run.Outcome);
        Assert.True(run.IsDisposed);
        Assert.Single(api.Calls);
    }

    [VirtualTimeFact]
    public async Task UncheckedOrderPager_CancelledMidPage_YieldsAnOrderAfterTheTokenWasCancelled(VirtualClock clock)
    {
        var timeline = new Timeline(clock);
        var orders = new UncheckedOrderPager(new FakeOrderApi(clock, orderCount: 7, Latency), pageSize: 3)
            .ReadAllAsync().Select(o => o.Id).Probe(timeline, "orders");
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
        var canceledAt = timeline.IndexOf(e => e.Kind == TimelineEventKind.TokenCanceled);
        var yieldedAfter = timeline.IndexOf(e => e.Kind == TimelineEventKind.Yielded, startIndex: canceledAt);
        Assert.Equal(3, timeline.Events[yieldedAfter].Value); // the bug: order 3 came after the cancellation
    }
}
