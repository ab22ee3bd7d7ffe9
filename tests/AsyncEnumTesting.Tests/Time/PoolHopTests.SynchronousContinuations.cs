using System.Threading.Channels;

namespace AsyncEnumTesting.Tests.Time;

/// <summary>Channels read with <c>ReadAllAsync</c> under a run, made with synchronous continuations.</summary>
public sealed partial class PoolHopTests
{
    [Fact]
    public async Task RunAsync_ChannelReadAllAsyncWithSynchronousContinuations_SeesEachItemAtItsWriteTime()
    {
        // ReadAllAsync awaits with ConfigureAwait(false); a channel that completes readers on the thread pool races the
        // run's clock. With synchronous continuations the reader runs inline on the writer's turn: exact every time.
        for (var run = 0; run < 50; run++)
        {
            var seen = await LateStarts.RunAgainAsync(async clock =>
            {
                var channel = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { AllowSynchronousContinuations = true });
                var producer = ProduceAsync(channel.Writer, clock);
                var log = new List<string>();
                await foreach (var item in channel.Reader.ReadAllAsync())
                {
                    log.Add($"{item}@{clock.Elapsed.TotalSeconds}");
                }

                await producer;
                return string.Join(" ", log);
            });

            Assert.Equal("0@1 1@2 2@3 3@4 4@5", seen);
        }

        static async Task ProduceAsync(ChannelWriter<int> writer, TimeProvider clock)
        {
            for (var i = 0; i < 5; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock);
                await writer.WriteAsync(i);
            }

            writer.Complete();
        }
    }
}
