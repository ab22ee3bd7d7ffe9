using System.Text;
using AsyncEnumTesting;
using BclProducers.Broken;

namespace BclProducers;

public sealed class OrderStreamReaderTests
{
    private static readonly TimeSpan ChunkDelay = TimeSpan.FromSeconds(1);

    [Fact]
    public Task ReadOrdersAsync_SlowBody_YieldsEachOrderAsItsBytesArrive() => VirtualTime.RunAsync(async clock =>
    {
        var timeline = new Timeline(clock);
        var orders = OrderStreamReader.ReadOrdersAsync(SlowBody(clock)).Select(o => o.Id).Probe(timeline, "orders");

        var ids = await orders.ToListAsync();

        Assert.Equal([1, 2, 3], ids);
        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: none
              00:01.000  #1 MoveNextAsync -> 1
              00:02.000  #1 MoveNextAsync -> 2
              00:03.000  #1 MoveNextAsync -> 3
              00:04.000  #1 MoveNextAsync -> completed
              00:04.000  #1 DisposeAsync
            """,
            timeline.Render());
    });

    [Fact]
    public Task BufferingOrderStreamReader_SlowBody_IsCaughtWaitingForTheFirstOrder() => VirtualTime.RunAsync(async clock =>
    {
        var options = new AsyncSequenceReaderOptions { Name = "orders", VirtualTimeLimit = TimeSpan.FromSeconds(2) };
        await using var orders = BufferingOrderStreamReader.ReadOrdersAsync(SlowBody(clock)).Select(o => o.Id).OpenReader(clock, options);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => orders.AwaitItemAsync());

        Assert.Equal(
            """
            Expected an item, but nothing came from "orders" within 00:02.000 of virtual time.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.000  #1 MoveNextAsync started
            """,
            ex.Message);
    });

    /// <summary>A JSON array of three orders, one order per chunk, one chunk per second (plus the closing bracket).</summary>
    private static SlowStream SlowBody(TimeProvider clock) => new(
        clock,
        ChunkDelay,
        Encoding.UTF8.GetBytes("""[{"id":1,"total":10.00,"customer":"Ada Lovelace","note":"leave at the door"},"""),
        Encoding.UTF8.GetBytes("""{"id":2,"total":20.00,"customer":"Grace Hopper","note":"ring twice please!"},"""),
        Encoding.UTF8.GetBytes("""{"id":3,"total":30.00,"customer":"Alan Turing","note":"deliver after 6 pm"}"""),
        Encoding.UTF8.GetBytes("]"));
}
