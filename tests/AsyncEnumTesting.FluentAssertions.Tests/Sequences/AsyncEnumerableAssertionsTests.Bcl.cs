using System.Threading.Channels;
using static AsyncEnumTesting.FluentAssertions.Tests.Sources;

namespace AsyncEnumTesting.FluentAssertions.Tests.Sequences;

public sealed partial class AsyncEnumerableAssertionsTests
{
    [Fact]
    public async Task YieldInOrder_ChannelReader_Passes()
    {
        var channel = Channel.CreateUnbounded<int>();
        channel.Writer.TryWrite(1);
        channel.Writer.TryWrite(2);
        channel.Writer.Complete();

        await channel.Reader.ReadAllAsync().Should().YieldInOrder(1, 2);
    }

    [Fact]
    public async Task HonorCancellation_ChannelReader_Passes()
    {
        var channel = Channel.CreateUnbounded<int>();
        channel.Writer.TryWrite(1);

        await channel.Reader.ReadAllAsync().Should().HonorCancellation(afterItems: 1);
    }

    [Fact]
    public async Task Complete_ChannelNeverCompleted_FailsAfterTheTimeout()
    {
        var channel = Channel.CreateUnbounded<string>();
        channel.Writer.TryWrite("a");
        var reader = channel.Reader.ReadAllAsync();

        var message = await FailureOf(() => reader.Should().WithTimeLimit(TimeSpan.FromMilliseconds(20)).Complete("the writer {0}", "completes"));

        Assert.Equal(
            Lines(
                "Expected reader to complete because the writer completes, but after 1 item, it did not yield or end within 0.020 s of real time (if the source runs on a VirtualClock, pass it: Should(clock)).",
                "Timeline (real time):",
                "  --:--.---  #1 GetAsyncEnumerator  token: cancellable",
                "  --:--.---  #1 MoveNextAsync -> \"a\"",
                "  --:--.---  #1 MoveNextAsync started      <- expected completion",
                "  --:--.---  #1 token canceled",
                "  --:--.---  #1 MoveNextAsync -> canceled",
                "  --:--.---  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task YieldInOrder_LinqAsyncEnumerableOperators_Passes()
    {
        var odd = AsyncEnumerable.Range(1, 6).Where(n => n % 2 == 1).Select(n => n * 10);

        await odd.Should().YieldInOrder(10, 30, 50);
    }

    [Fact]
    public async Task YieldInOrder_LinqTakeOnVirtualClock_Fails()
    {
        var clock = new VirtualClock();
        var firstTwo = Every100Ms(clock, 1, 2, 3).Take(2);

        var message = await FailureOf(() => firstTwo.Should(clock).YieldInOrder(1, 2, 3));

        Assert.Equal(
            Lines(
                "Expected firstTwo to yield {1, 2, 3} in order, but it completed after 2 items.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable",
                "  00:00.000  #1 MoveNextAsync -> 1",
                "  00:00.100  #1 MoveNextAsync -> 2",
                "  00:00.100  #1 MoveNextAsync -> completed      <- expected 3",
                "  00:00.100  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task YieldInOrder_UnderVirtualTimeRun_RunDrivesTheClock()
    {
        var elapsed = await VirtualTime.RunAsync(async clock =>
        {
            await Poll(clock, 5000).Should(clock).StartWith(1, 2, 3);
            return clock.Elapsed;
        });

        Assert.Equal(TimeSpan.FromSeconds(15), elapsed);
    }

    [Fact]
    public async Task YieldInOrder_UnderVirtualTimeRun_FailsWithVirtualTimes()
    {
        var message = await FailureOf(() => VirtualTime.RunAsync(async clock =>
        {
            var ticks = Poll(clock, 5000);
            await ticks.Should(clock).StartWith(1, 3);
        }));

        Assert.Equal(
            Lines(
                "Expected ticks to start with {1, 3}, but item [1] was 2.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable",
                "  00:05.000  #1 MoveNextAsync -> 1",
                "  00:10.000  #1 MoveNextAsync -> 2      <- differs from 3",
                "  00:10.000  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task HonorCancellation_AtUnderVirtualTimeRun_Passes()
    {
        await VirtualTime.RunAsync(clock => Poll(clock, 1000).Should(clock).HonorCancellation(at: TimeSpan.FromMilliseconds(2500)));
    }
}
