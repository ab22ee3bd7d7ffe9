using System.Threading.Channels;

namespace AsyncEnumTesting.Tests.Time;

/// <summary>Production code that hops through the thread pool, unchanged for the test: the same timeline on every run.</summary>
/// <remarks>
/// The stress suite (tests/stress.sh) runs the same shapes 10,000 times under CPU load; these keep them in CI. They run in
/// a collection of their own, after the parallel ones: the exact guarantee is for a run whose process is otherwise quiet,
/// and with other test classes allocating and queueing pool work around it a run can, rarely, differ without a late start
/// (docs/reliability.md, "Runs with neighbours").
/// </remarks>
[Collection(IsolatedRuns.Name)]
public sealed partial class PoolHopTests
{
    private const int Repeats = 30;

    /// <summary>Runs of a scenario that the stress suite also runs 10,000 times under two CPU hogs (docs/reliability.md,
    /// "Determinism under load"): here only a check that it still gives its timeline, on the critical path of every test run.</summary>
    private const int RepeatsCoveredByStress = 10;

    [Fact]
    public async Task RunAsync_TaskRunPumpIntoDefaultChannelBatchedByWindow_EmitsEachWindowOnTime()
    {
        // Stress scenario "batcher" runs this same WindowBatcherAsync 10,000 times.
        for (var run = 0; run < RepeatsCoveredByStress; run++)
        {
            var batches = await LateStarts.RunAgainAsync(WindowBatcherAsync);

            Assert.Equal("10s:[0,1,2] 20s:[3,4,5] 30s:[6,7,8] end 36s:[9,10,11]", batches);
        }
    }

    [Fact]
    public async Task RunAsync_DefaultChannelReadAllAsyncWithConfigureAwaitFalseConsumer_SeesEachItemAtItsWriteTime()
    {
        for (var run = 0; run < Repeats; run++)
        {
            var seen = await LateStarts.RunAgainAsync(async clock =>
            {
                var channel = Channel.CreateUnbounded<int>();
                var producer = Task.Run(async () =>
                {
                    for (var i = 0; i < 5; i++)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(1), clock).ConfigureAwait(false);
                        await channel.Writer.WriteAsync(i).ConfigureAwait(false);
                    }

                    channel.Writer.Complete();
                });
                var log = new List<string>();
                await foreach (var item in channel.Reader.ReadAllAsync().ConfigureAwait(false))
                {
                    await Task.Yield();
                    log.Add($"{item}@{clock.Elapsed.TotalSeconds}");
                }

                await producer.ConfigureAwait(false);
                return string.Join(" ", log);
            });

            Assert.Equal("0@1 1@2 2@3 3@4 4@5", seen);
        }
    }

    [Fact]
    public async Task RunAsync_PeriodicTimerPollInTaskRun_NeverSkipsATick()
    {
        // Stress scenario "periodic" runs this poller 10,000 times (20 polls a run where this one has 6).
        for (var run = 0; run < RepeatsCoveredByStress; run++)
        {
            var polls = await LateStarts.RunAgainAsync(async clock =>
            {
                var channel = Channel.CreateUnbounded<double>();
                var poller = Task.Run(async () =>
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), clock);
                    for (var n = 0; n < 6 && await timer.WaitForNextTickAsync().ConfigureAwait(false); n++)
                    {
                        await Task.Yield();
                        await channel.Writer.WriteAsync(clock.Elapsed.TotalSeconds).ConfigureAwait(false);
                    }

                    channel.Writer.Complete();
                });
                var seen = new List<string>();
                while (await channel.Reader.WaitToReadAsync().ConfigureAwait(false))
                {
                    while (channel.Reader.TryRead(out var at))
                    {
                        seen.Add($"{at}/{clock.Elapsed.TotalSeconds}");
                        await Task.Delay(TimeSpan.FromSeconds(2), clock).ConfigureAwait(false);
                    }
                }

                await poller.ConfigureAwait(false);
                return string.Join(" ", seen);
            });

            Assert.Equal("5/5 10/10 15/15 20/20 25/25 30/30", polls);
        }
    }

    [Fact]
    public async Task RunAsync_HourTimerPendingWhileBodyAwaitsRealPoolWork_ClockHoldsUntilTheWorkEnds()
    {
        var seen = await LateStarts.RunAgainAsync(async clock =>
        {
            var hour = Task.Delay(TimeSpan.FromHours(1), clock);
            await Task.Run(() => Thread.Sleep(30)); // real time on purpose: real work of the run on the pool
            var atReturn = clock.Elapsed;
            await hour;
            return atReturn;
        });

        Assert.Equal(TimeSpan.Zero, seen);
    }

    /// <summary>A time-window batcher as teams write it: it pumps its source on the pool into a default channel.</summary>
    /// <remarks>Public for the stress suite (tests/AsyncEnumTesting.Stress), which runs it 10,000 times under load.</remarks>
    /// <param name="clock">The run's clock.</param>
    /// <returns>Each window's batch with its virtual time, then the tail at the end.</returns>
    public static async Task<string> WindowBatcherAsync(VirtualClock clock)
    {
        var log = new List<string>();
        var channel = Channel.CreateUnbounded<int>();
        var pump = Task.Run(async () =>
        {
            for (var i = 0; i < 12; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(3), clock).ConfigureAwait(false);
                await channel.Writer.WriteAsync(i).ConfigureAwait(false);
            }

            channel.Writer.Complete();
        });

        var batch = new List<int>();
        var window = Task.Delay(TimeSpan.FromSeconds(10), clock);
        while (true)
        {
            var read = channel.Reader.WaitToReadAsync().AsTask();
            if (await Task.WhenAny(read, window).ConfigureAwait(false) == window)
            {
                log.Add($"{clock.Elapsed.TotalSeconds}s:[{string.Join(",", batch)}]");
                batch.Clear();
                window = Task.Delay(TimeSpan.FromSeconds(10), clock);
                continue;
            }

            if (!await read.ConfigureAwait(false))
            {
                break;
            }

            while (channel.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
        }

        await pump.ConfigureAwait(false);
        log.Add($"end {clock.Elapsed.TotalSeconds}s:[{string.Join(",", batch)}]");
        return string.Join(" ", log);
    }
}
