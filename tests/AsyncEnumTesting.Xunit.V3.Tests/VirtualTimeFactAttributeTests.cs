using AsyncEnumTesting.Xunit.V3;

namespace AsyncEnumTesting.Xunit.V3.Tests;

public sealed class VirtualTimeFactAttributeTests
{
    [VirtualTimeFact]
    public async Task VirtualTimeFact_ClockParameter_RunsAnHourOfDelaysOnVirtualTime(VirtualClock clock)
    {
        await Task.Delay(TimeSpan.FromHours(1), clock);

        Assert.Equal(TimeSpan.FromHours(1), clock.Elapsed);
    }

    [VirtualTimeFact]
    public async Task VirtualTimeFact_ClockParameter_ProbesShareTheTestClock(VirtualClock clock)
    {
        var timeline = new Timeline(clock);
        var ticks = FakeSequence.FromMarbles(clock, "-a-b|").Probe(timeline, "ticks");

        var items = await ticks.ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(['a', 'b'], items);
        Assert.Contains("#1 MoveNextAsync -> completed", clock.RenderTimelines(), StringComparison.Ordinal);
    }

    [VirtualTimeFact]
    public async Task VirtualTimeFact_NoParameter_RunsInsideAVirtualTimeRun()
    {
        var before = SynchronizationContext.Current;

        await Task.Yield();

        Assert.NotNull(before);
        Assert.Same(before, SynchronizationContext.Current);
    }

    [VirtualTimeFact]
    public void VirtualTimeFact_SynchronousMethod_Runs(VirtualClock clock)
    {
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
    }

    [VirtualTimeFact]
    public async ValueTask VirtualTimeFact_ValueTaskMethod_IsAwaited(VirtualClock clock)
    {
        await Task.Delay(TimeSpan.FromDays(1), clock);

        Assert.Equal(TimeSpan.FromDays(1), clock.Elapsed);
    }

    [VirtualTimeFact(Schedules = 20)]
    public async Task VirtualTimeFact_Schedules_EveryScheduleOfAnOrderIndependentCheckPasses(VirtualClock clock)
    {
        var arrivals = new List<string>();
        async Task ArriveAsync(string name)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            arrivals.Add(name);
        }

        await Task.WhenAll(ArriveAsync("quote"), ArriveAsync("trade"));

        Assert.Equal(["quote", "trade"], arrivals.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Limits_SchedulesAndScheduleSeed_ReachTheTestCase()
    {
        var explored = VirtualTimeDiscovery.Limits(new VirtualTimeFactAttribute { Schedules = 50 });
        var replayed = VirtualTimeDiscovery.Limits(new VirtualTimeTheoryAttribute { ScheduleSeed = 0 });
        var plain = VirtualTimeDiscovery.Limits(new VirtualTimeFactAttribute());

        Assert.Equal((50, null), (explored.Schedules, explored.ScheduleSeed));
        Assert.Equal((0, 0), (replayed.Schedules, replayed.ScheduleSeed));
        Assert.Equal((0, null), (plain.Schedules, plain.ScheduleSeed));
    }

    [Fact]
    public void Limits_ZeroSetOnPurpose_IsRefusedWhereLeavingItOutIsNot()
    {
        VirtualTimeDiscovery.Limits(new VirtualTimeFactAttribute { RealTimeGraceMilliseconds = 0 }).ToOptions(out var grace);
        VirtualTimeDiscovery.Limits(new VirtualTimeTheoryAttribute { RealTimeLimitSeconds = 0 }).ToOptions(out var limit);
        VirtualTimeDiscovery.Limits(new VirtualTimeFactAttribute { MaxTimerFirings = 0 }).ToOptions(out var firings);
        VirtualTimeDiscovery.Limits(new VirtualTimeTheoryAttribute()).ToOptions(out var unset);

        Assert.Equal("RealTimeGraceMilliseconds is 0: give a positive value, or leave it out for the default.", grace);
        Assert.Equal("RealTimeLimitSeconds is 0: give a positive value, or leave it out for the default.", limit);
        Assert.Equal("MaxTimerFirings is 0: give a positive value, or leave it out for the default.", firings);
        Assert.Null(unset);
    }
}
