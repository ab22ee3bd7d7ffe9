using System.Threading.Channels;

namespace AsyncEnumTesting.Tests.Time;

/// <content>The reader's window of silence inside a run, over a producer that starts on the thread pool.</content>
public sealed partial class PoolHopTests
{
    [Fact]
    public async Task AwaitNoEventsWithinAsync_InRunTaskRunProducerWritesInsideTheWindow_FailsEveryTime()
    {
        // The bug this guards: the window advanced the clock by hand, ahead of the producer's first delay, so the item due
        // at 5 s came after the window and a silent-window check passed for a producer that was not silent.
        for (var run = 0; run < Repeats; run++)
        {
            var message = await LateStarts.RunAgainAsync(async clock =>
            {
                await using var reader = StartTicker(clock, TimeSpan.FromSeconds(5)).ReadAllAsync().OpenReader(clock);
                var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.AwaitNoEventsWithinAsync(TimeSpan.FromSeconds(9)));
                await reader.CancelAndIgnoreRemainingAsync();
                return ex.Message;
            });

            Assert.StartsWith("Expected no events within 00:09.000, but the sequence yielded 1 at 00:05.000", message);
        }
    }

    [Fact]
    public async Task AwaitNoEventsWithinAsync_InRunTaskRunProducerWritesAfterTheWindow_PassesThenSeesTheItemOnTime()
    {
        for (var run = 0; run < Repeats; run++)
        {
            var seen = await LateStarts.RunAgainAsync(async clock =>
            {
                await using var reader = StartTicker(clock, TimeSpan.FromSeconds(10)).ReadAllAsync().OpenReader(clock);
                await reader.AwaitNoEventsWithinAsync(TimeSpan.FromSeconds(9));
                var item = await reader.AwaitItemAsync();
                var at = clock.Elapsed;
                await reader.AwaitCompletionAsync();
                return (item, at);
            });

            Assert.Equal((1, TimeSpan.FromSeconds(10)), seen);
        }
    }

    /// <summary>A producer a team writes: one item after <paramref name="delay"/>, from a loop started with Task.Run.</summary>
    private static ChannelReader<int> StartTicker(TimeProvider clock, TimeSpan delay)
    {
        var channel = Channel.CreateUnbounded<int>();
        _ = Task.Run(async () =>
        {
            await Task.Delay(delay, clock).ConfigureAwait(false);
            await channel.Writer.WriteAsync(1).ConfigureAwait(false);
            channel.Writer.Complete();
        });
        return channel.Reader;
    }
}
