using AsyncEnumTesting;
using AsyncEnumTesting.FluentAssertions;
using Polling.Broken;

namespace Polling;

public sealed class HealthPollerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(300);

    [Fact]
    public Task PollAsync_TwentyFourHoursOfVirtualTime_ChecksExactlyEveryFiveSeconds() => VirtualTime.RunAsync(async clock =>
    {
        var poller = new HealthPoller(new FakeHealthEndpoint(clock, Latency), clock, Interval, MaxBackoff);
        using var day = new CancellationTokenSource(TimeSpan.FromHours(24), clock);
        var starts = new List<DateTimeOffset>();

        var act = async () =>
        {
            await foreach (var sample in poller.PollAsync(day.Token))
            {
                starts.Add(sample.At);
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(act);
        Assert.Equal(17_280, starts.Count);
        Assert.Equal([Interval], starts.Zip(starts.Skip(1), (a, b) => b - a).Distinct());
        Assert.Equal(TimeSpan.FromHours(24), clock.Elapsed);
    });

    [Fact]
    public Task PollAsync_EndpointFailsFourTimes_BacksOffDoublingUpToTheCapThenRecovers() => VirtualTime.RunAsync(async clock =>
    {
        var endpoint = new FakeHealthEndpoint(clock, Latency).FailingCalls(2, 3, 4, 5);
        var poller = new HealthPoller(endpoint, clock, Interval, MaxBackoff);

        var samples = await poller.PollAsync().Take(7).ToListAsync();

        var gaps = samples.Zip(samples.Skip(1), (a, b) => (b.At - a.At).TotalSeconds);
        Assert.Equal([5, 10, 20, 30, 30, 5], gaps);
        Assert.Equal([true, false, false, false, false, true, true], samples.Select(s => s.Healthy));
        Assert.Equal("GET /health (call 2) failed: connection refused", samples[1].Error);
    });

    [Fact]
    public Task PollAsync_CancelledWhileWaiting_StopsAtOnceWithoutAnotherCheck() => VirtualTime.RunAsync(async clock =>
    {
        var endpoint = new FakeHealthEndpoint(clock, Latency);
        var poller = new HealthPoller(endpoint, clock, Interval, MaxBackoff);
        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(12), clock);
        var samples = 0;

        var act = async () =>
        {
            await foreach (var _ in poller.PollAsync(shutdown.Token))
            {
                samples++;
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(act);
        Assert.Equal(3, samples);
        Assert.Equal(3, endpoint.Calls);
        Assert.Equal(TimeSpan.FromSeconds(12), clock.Elapsed);
    });

    [Fact]
    public async Task PollAsync_CancelledAtTwelveSeconds_StopsAtOnceAndLeavesNoTimerBehind()
    {
        var clock = new VirtualClock();
        var poller = new HealthPoller(new FakeHealthEndpoint(clock, Latency), clock, Interval, MaxBackoff);

        // Cancels the token at 00:12 (while the poller waits for its 00:15 check): it must throw at once and dispose its delay.
        await poller.PollAsync().Should(clock).HonorCancellation(at: TimeSpan.FromSeconds(12));
    }

    [Fact]
    public async Task PollAsync_StepByStep_IsSilentBetweenChecks()
    {
        var clock = new VirtualClock();
        var poller = new HealthPoller(new FakeHealthEndpoint(clock, Latency), clock, Interval, MaxBackoff);
        await using var samples = poller.PollAsync().OpenReader(clock);

        Assert.True((await samples.AwaitItemAsync()).Healthy);
        await samples.AwaitNoEventsWithinAsync(Interval - Latency - TimeSpan.FromMilliseconds(1));
        Assert.Equal(clock.Start + Interval, (await samples.AwaitItemAsync()).At);
        await samples.CancelAsync();
    }

    [Fact]
    public async Task RealTimeHealthPoller_OnVirtualTime_IsReportedAsStuckInsteadOfHanging()
    {
        using var cleanup = new CancellationTokenSource();
        var options = new VirtualTimeOptions { RealTimeGrace = TimeSpan.FromMilliseconds(100) };

        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            async clock =>
            {
                var poller = new RealTimeHealthPoller(new FakeHealthEndpoint(clock, Latency), clock, Interval);
                var samples = poller.PollAsync(cleanup.Token).Probe(new Timeline(clock), "samples"); // the probe names the waiter
                await samples.Take(3).ToListAsync();
            },
            options));
        await cleanup.CancelAsync(); // ends the real-time delay the broken poller left behind

        Assert.StartsWith(
            "The virtual-time run is stuck: the body is still waiting (task status WaitingForActivation), but no work is queued " +
            "and no timer is pending, and nothing posted work for 0.100 s of real time. The body waits on a task that nothing in " +
            "virtual time will complete: code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), " +
            "or wait on a TaskCompletionSource, channel or lock that nothing completes. Virtual time reached 00:00.300 after 1 timer firing(s); real time spent ",
            ex.Message);
        Assert.EndsWith(
            """
            Waiting now:
              probe "samples" #1 in MoveNextAsync since 00:00.300 (token: none)
            """,
            ex.Message);
    }
}
