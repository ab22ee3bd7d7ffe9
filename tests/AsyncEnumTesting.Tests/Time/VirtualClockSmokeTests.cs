using System.Threading.Channels;

namespace AsyncEnumTesting.Tests.Time;

public sealed class VirtualClockSmokeTests
{
    [Fact]
    public async Task AdvanceAsync_ContinuationOnXunitContext_RunsBeforeReturn()
    {
        var clock = new VirtualClock();
        var log = new List<string>();
        var work = Producer(clock, log);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(["start", "tick 00:00:01"], log);
        await clock.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["start", "tick 00:00:01", "tick 00:00:02", "tick 00:00:03", "done"], log);
        await work;

        static async Task Producer(VirtualClock clock, List<string> log)
        {
            log.Add("start");
            for (var i = 0; i < 3; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock);
                log.Add($"tick {clock.Elapsed:hh\\:mm\\:ss}");
            }

            log.Add("done");
        }
    }

    [Fact]
    public async Task RunAsync_HourOfPolls_CountsExactly()
    {
        var (count, elapsed) = await VirtualTime.RunAsync(async clock =>
        {
            var n = 0;
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
            while (n < 3600 && await timer.WaitForNextTickAsync())
            {
                n++;
            }

            return (n, clock.Elapsed);
        });

        Assert.Equal(3600, count);
        Assert.Equal(TimeSpan.FromHours(1), elapsed);
    }

    [Fact]
    public async Task RunAsync_UncompletedTcs_FailsWithDiagnosis()
    {
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            async clock =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5), clock);
                await new TaskCompletionSource().Task;
            },
            new VirtualTimeOptions { RealTimeGrace = TimeSpan.FromMilliseconds(50) }));
        Assert.Contains("Virtual time reached 00:05.000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FireAndForgetFault_FailsRun()
    {
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(async clock =>
        {
            _ = FailLater(clock);
            await Task.Delay(TimeSpan.FromSeconds(5), clock);
        }));
        Assert.Contains("boom", ex.Message, StringComparison.Ordinal);

        static async Task FailLater(VirtualClock clock)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            throw new InvalidOperationException("boom");
        }
    }

    [Fact]
    public async Task RunAsync_ChannelWithConfigureAwaitFalse_Deterministic()
    {
        var order = await VirtualTime.RunAsync(async clock =>
        {
            var channel = Channel.CreateUnbounded<int>();
            var producers = Enumerable.Range(0, 20).Select(async i =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds((i * 7919) % 50), clock).ConfigureAwait(false);
                await Task.Yield();
                await channel.Writer.WriteAsync(i).ConfigureAwait(false);
            }).ToList();
            var all = Task.WhenAll(producers).ContinueWith(_ => channel.Writer.Complete(), TaskScheduler.Default);
            var list = new List<int>();
            await foreach (var item in channel.Reader.ReadAllAsync())
            {
                list.Add(item);
            }

            await all;
            return string.Join(",", list);
        });
        Assert.Equal(20, order.Split(',').Length);
    }
}
