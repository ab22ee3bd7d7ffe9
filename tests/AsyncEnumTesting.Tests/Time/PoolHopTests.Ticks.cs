using System.Threading.Channels;

namespace AsyncEnumTesting.Tests.Time;

/// <content>A PeriodicTimer loop in Task.Run writing each tick into a default channel that the body waits on.</content>
/// <remarks>
/// The smallest shape of a third user trial's silent difference: the write at a tick completes the body's waiting read
/// from a pool thread just as the clock is about to leave the instant. Before the settle looked again after reading the pool
/// idle (<see cref="RunAsync_WorkOfTheRunStartsAndEndsBetweenTheSettlesReadings_ClockWaitsForWhatItPosted"/> puts that
/// race in place on every run), about 2 runs in 10,000 (3 in 2,000 once) saw a tick's item only at the next tick (stress
/// scenario `ticks`); this test reads 300 runs, so it catches that rate now and then, never falsely.
/// </remarks>
public sealed partial class PoolHopTests
{
    [Fact]
    public async Task RunAsync_PeriodicTimerLoopWritingIntoAChannelTheBodyWaitsOn_EveryTickReadAtItsInstant()
    {
        for (var run = 0; run < 300; run++)
        {
            var seen = await LateStarts.RunAgainAsync(TicksAsync);

            Assert.Equal("1@5/5 2@10/10 3@15/15 4@20/20 5@25/25 6@30/30", seen);
        }
    }

    private static async Task<string> TicksAsync(VirtualClock clock)
    {
        var channel = Channel.CreateUnbounded<(int Tick, TimeSpan At)>();
        var loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), clock);
            var n = 0;
            while (n < 6 && await timer.WaitForNextTickAsync().ConfigureAwait(false))
            {
                await channel.Writer.WriteAsync((++n, clock.Elapsed)).ConfigureAwait(false);
            }

            channel.Writer.Complete();
        });
        var seen = new List<string>();
        await foreach (var (tick, at) in channel.Reader.ReadAllAsync())
        {
            seen.Add($"{tick}@{at.TotalSeconds}/{clock.Elapsed.TotalSeconds}");
        }

        await loop;
        return string.Join(" ", seen);
    }
}
