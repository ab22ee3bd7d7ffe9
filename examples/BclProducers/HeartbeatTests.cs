using AsyncEnumTesting;

namespace BclProducers;

public sealed class HeartbeatTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    [Fact]
    public Task BeatsAsync_OneHourOfVirtualTime_BeatsEveryFiveSeconds() => VirtualTime.RunAsync(async clock =>
    {
        var beats = await Heartbeat.BeatsAsync(Period, clock).Take(720).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 720), beats);
        Assert.Equal(TimeSpan.FromHours(1), clock.Elapsed);
    });

    [Fact]
    public async Task BeatsAsync_StepByStep_BeatsOnlyWhenThePeriodEnds()
    {
        var clock = new VirtualClock();
        await using var beats = Heartbeat.BeatsAsync(Period, clock).OpenReader(clock);

        Assert.Equal(1, await beats.AwaitItemAsync());
        Assert.Equal(Period, clock.Elapsed);
        await beats.AwaitNoEventsWithinAsync(Period - TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, await beats.AwaitItemAsync());
        Assert.Equal(2 * Period, clock.Elapsed);
        await beats.CancelAsync();
    }

    [Fact]
    public Task BeatsAsync_ConsumerStops_DisposesThePeriodicTimer() => VirtualTime.RunAsync(async clock =>
    {
        await Heartbeat.BeatsAsync(Period, clock).Take(3).ToListAsync();

        Assert.Equal(0, clock.PendingTimerCount);
    });
}
