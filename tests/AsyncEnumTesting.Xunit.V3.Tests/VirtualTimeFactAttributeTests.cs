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
    public void Limits_TimeLimits_ReachTheRunsOptions()
    {
        var fact = VirtualTimeDiscovery.Limits(new VirtualTimeFactAttribute { RealTimeGrace = "00:00:00.200", RealTimeLimit = "00:00:05", VirtualTimeLimit = "01:00:00" })
            .ToOptions(out var factError);
        var theory = VirtualTimeDiscovery.Limits(new VirtualTimeTheoryAttribute { RealTimeGrace = "00:00:02", RealTimeLimit = "00:01:00", VirtualTimeLimit = "2.00:00:00" })
            .ToOptions(out var theoryError);

        Assert.Equal((null, null), (factError, theoryError));
        Assert.Equal((TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromHours(1)), (fact.RealTimeGrace, fact.RealTimeLimit, fact.VirtualTimeLimit));
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), TimeSpan.FromDays(2)), (theory.RealTimeGrace, theory.RealTimeLimit, theory.VirtualTimeLimit));
    }

    [Fact]
    public void Limits_ZeroSetOnPurpose_IsRefusedWhereLeavingItOutIsNot()
    {
        VirtualTimeDiscovery.Limits(new VirtualTimeFactAttribute { RealTimeGrace = "00:00:00" }).ToOptions(out var grace);
        VirtualTimeDiscovery.Limits(new VirtualTimeTheoryAttribute { RealTimeLimit = "00:00:00" }).ToOptions(out var limit);
        VirtualTimeDiscovery.Limits(new VirtualTimeFactAttribute { MaxTimerFirings = 0 }).ToOptions(out var firings);
        VirtualTimeDiscovery.Limits(new VirtualTimeTheoryAttribute()).ToOptions(out var unset);

        Assert.Equal(
            "RealTimeGrace \"00:00:00\" is zero: VirtualTimeOptions.RealTimeGrace must be positive; write it like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h), or leave it out for the default (00:00:01).",
            grace);
        Assert.Equal(
            "RealTimeLimit \"00:00:00\" is zero: VirtualTimeOptions.RealTimeLimit must be positive; write it like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h), or leave it out for the default (00:00:30).",
            limit);
        Assert.Equal("MaxTimerFirings is 0: give a positive value, or leave it out for the default.", firings);
        Assert.Null(unset);
    }
}
