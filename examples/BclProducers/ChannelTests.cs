using System.Threading.Channels;
using AsyncEnumTesting;

namespace BclProducers;

[Collection(ExactTimelines.Name)] // a default channel's reader hops through the pool: see ExactTimelines
public sealed class ChannelTests
{
    [Fact]
    public async Task ReadAllAsync_ItemsWrittenOverTime_YieldsEachAsItIsWrittenThenCompletes()
    {
        var clock = new VirtualClock();
        var channel = Channel.CreateUnbounded<int>();
        await using var reader = channel.Reader.ReadAllAsync().OpenReader(clock);

        channel.Writer.TryWrite(1);
        Assert.Equal(1, await reader.AwaitItemAsync());
        await reader.AwaitNoEventsWithinAsync(TimeSpan.FromSeconds(10));
        channel.Writer.TryWrite(2);
        channel.Writer.Complete();

        Assert.Equal(2, await reader.AwaitItemAsync());
        await reader.AwaitCompletionAsync();
    }

    [Fact]
    public Task ReadAllAsync_ProducerOnTheClock_DeliversInOrderAtTheWriteTimes() => VirtualTime.RunAsync(async clock =>
    {
        // A default channel, as production code makes it: the reader's continuation runs on the thread pool, and the run
        // does not move the clock while it is queued or running there.
        var channel = Channel.CreateBounded<int>(1);
        var producer = ProduceAsync(channel.Writer, clock, count: 3, every: TimeSpan.FromSeconds(1));
        var received = new List<(int Item, TimeSpan At)>();

        await foreach (var item in channel.Reader.ReadAllAsync())
        {
            received.Add((item, clock.Elapsed));
        }

        await producer;
        Assert.Equal([(1, TimeSpan.FromSeconds(1)), (2, TimeSpan.FromSeconds(2)), (3, TimeSpan.FromSeconds(3))], received);
    });

    [Fact]
    public Task ReadAllAsync_TokenCancelled_StopsWaitingAtOnce() => VirtualTime.RunAsync(async clock =>
    {
        var channel = Channel.CreateUnbounded<int>();
        var items = channel.Reader.ReadAllAsync().Probe(new Timeline(clock), "channel");
        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(30), clock);

        var act = async () =>
        {
            await foreach (var _ in items.WithCancellation(shutdown.Token))
            {
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(act);
        var run = Assert.Single(items.Enumerations);
        Assert.Equal(EnumerationOutcome.Canceled, run.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(30), run.EndedAt);
        Assert.True(run.IsDisposed);
    });

    private static async Task ProduceAsync(ChannelWriter<int> writer, TimeProvider clock, int count, TimeSpan every)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Delay(every, clock);
            await writer.WriteAsync(i);
        }

        writer.Complete();
    }
}
