using AsyncEnumTesting;
using AsyncEnumTesting.NUnit;
using Polling.Broken;

namespace Polling.NUnit;

// The same tests as examples/Polling, under NUnit 4. NUnit's Assert.ThrowsAsync blocks the calling thread, which
// would block the virtual-time run's only thread: inside a [VirtualTimeTest], await Assert.ThatAsync instead.
public sealed class HealthPollerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(300);

    [VirtualTimeTest]
    public async Task PollAsync_TwentyFourHoursOfVirtualTime_ChecksExactlyEveryFiveSeconds(VirtualClock clock)
    {
        var poller = new HealthPoller(new FakeHealthEndpoint(clock, Latency), clock, Interval, MaxBackoff);
        using var day = new CancellationTokenSource(TimeSpan.FromHours(24), clock);
        var starts = new List<DateTimeOffset>();

        await Assert.ThatAsync(
            async () =>
            {
                await foreach (var sample in poller.PollAsync(day.Token))
                {
                    starts.Add(sample.At);
                }
            },
            Throws.InstanceOf<OperationCanceledException>());

        Assert.That(starts, Has.Count.EqualTo(17_280));
        Assert.That(starts.Zip(starts.Skip(1), (a, b) => b - a).Distinct(), Is.EqualTo(new[] { Interval }));
    }

    [VirtualTimeTest]
    public async Task PollAsync_EndpointFailsFourTimes_BacksOffDoublingUpToTheCapThenRecovers(VirtualClock clock)
    {
        var endpoint = new FakeHealthEndpoint(clock, Latency).FailingCalls(2, 3, 4, 5);
        var poller = new HealthPoller(endpoint, clock, Interval, MaxBackoff);

        var samples = await poller.PollAsync().Take(7).ToListAsync();

        Assert.That(samples.Zip(samples.Skip(1), (a, b) => (b.At - a.At).TotalSeconds), Is.EqualTo(new[] { 5, 10, 20, 30, 30, 5 }));
    }

    [VirtualTimeTest]
    public async Task PollAsync_StepByStep_SilentBetweenChecks(VirtualClock clock)
    {
        // NUnit runs tests without a synchronization context: keep step-wise reading inside a run, where every
        // continuation runs on the run's thread and the clock moves only when nothing else can.
        var poller = new HealthPoller(new FakeHealthEndpoint(clock, Latency), clock, Interval, MaxBackoff);
        await using var samples = poller.PollAsync().OpenReader(clock);

        Assert.That((await samples.AwaitItemAsync()).Healthy, Is.True);
        await samples.AwaitNoEventsWithinAsync(Interval - Latency - TimeSpan.FromMilliseconds(1));
        Assert.That((await samples.AwaitItemAsync()).At - clock.Start, Is.EqualTo(Interval));
        await samples.CancelAsync();
    }

    [Test]
    public void RealTimeHealthPoller_OnVirtualTime_IsReportedAsStuckInsteadOfHanging()
    {
        using var cleanup = new CancellationTokenSource();
        var options = new VirtualTimeOptions { RealTimeGrace = TimeSpan.FromMilliseconds(100) };

        // Outside the run, NUnit's blocking Assert.ThrowsAsync is fine.
        var ex = Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            async clock =>
            {
                var poller = new RealTimeHealthPoller(new FakeHealthEndpoint(clock, Latency), clock, Interval);
                await poller.PollAsync(cleanup.Token).Take(3).ToListAsync();
            },
            options));
        cleanup.Cancel();

        Assert.That(ex!.Message, Does.StartWith("The virtual-time run is stuck: the body is still waiting"));
        Assert.That(ex.Message, Does.Contain("code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock)"));
    }
}
