using AsyncEnumTesting;
using AsyncEnumTesting.FluentAssertions;
using PagingClient.Broken;
using Xunit.Sdk;

namespace PagingClient;

// The same contract as OrderPagerTests, written with AsyncEnumTesting.FluentAssertions: each line enumerates the
// pager once, drives the virtual clock while it waits, and on failure prints the stream's timeline.
public sealed class OrderPagerAssertionTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task ReadAllAsync_ThreePages_YieldsEveryOrderInOrderThenCompletes()
    {
        var clock = new VirtualClock();
        var pager = new OrderPager(new FakeOrderApi(clock, orderCount: 7, Latency), pageSize: 3);

        await pager.ReadAllAsync().Select(o => o.Id).Should(clock).YieldInOrder(1, 2, 3, 4, 5, 6, 7);
    }

    [Fact]
    public async Task ReadAllAsync_CancelledAfterTwoOrders_StopsWithoutTheThird()
    {
        var clock = new VirtualClock();
        var pager = new OrderPager(new FakeOrderApi(clock, orderCount: 7, Latency), pageSize: 3);

        await pager.ReadAllAsync().Should(clock).HonorCancellation(afterItems: 2);
    }

    [Fact]
    public async Task ReadAllAsync_SecondPageFails_ThrowsAfterTheFirstPage()
    {
        var clock = new VirtualClock();
        var api = new FakeOrderApi(clock, orderCount: 7, Latency) { FailOnPageToken = "4" };

        (await new OrderPager(api, pageSize: 3).ReadAllAsync().Select(o => o.Id).Should(clock).Throw<HttpRequestException>(itemsBefore: [1, 2, 3]))
            .WithMessage("GET /orders?pageToken=4 failed: 503 Service Unavailable");
    }

    [Fact]
    public async Task UncheckedOrderPager_CancelledAfterTwoOrders_FailsHonorCancellationWithTheTimeline()
    {
        var clock = new VirtualClock();
        var pager = new UncheckedOrderPager(new FakeOrderApi(clock, orderCount: 7, Latency), pageSize: 3);

        var act = () => pager.ReadAllAsync().Select(o => o.Id).Should(clock, "orders").HonorCancellation(afterItems: 2);

        var ex = await Assert.ThrowsAsync<XunitException>(act);
        Assert.Equal(
            """
            Expected orders to stop when its token is cancelled after 2 items, but after the token was cancelled at 00:00.200, it yielded another item: item [2] was 3. HonorCancellation(afterItems) is strict: the MoveNextAsync after the cancel must end, even when its item is already in memory (the rest of a page fetched before the cancel); check the token before each yield return (ct.ThrowIfCancellationRequested()).
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.200  #1 MoveNextAsync -> 1
              00:00.200  #1 MoveNextAsync -> 2
              00:00.200  #1 token canceled
              00:00.200  #1 MoveNextAsync -> 3      <- expected OperationCanceledException
              00:00.200  #1 DisposeAsync
            """,
            ex.Message);
    }
}
