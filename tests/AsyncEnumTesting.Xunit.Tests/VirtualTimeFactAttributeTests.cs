using AsyncEnumTesting.Xunit;

namespace AsyncEnumTesting.Xunit.Tests;

/// <summary>Tests that use the attribute in the real suite: they must pass.</summary>
public sealed class VirtualTimeFactAttributeTests
{
    [VirtualTimeFact]
    public async Task VirtualTimeFact_ClockParameter_AnHourPassesInVirtualTime(VirtualClock clock)
    {
        await Task.Delay(TimeSpan.FromHours(1), clock);

        Assert.Equal(TimeSpan.FromHours(1), clock.Elapsed);
    }

    [VirtualTimeFact]
    public async Task VirtualTimeFact_PeriodicTimer_TicksWithoutAdvancingByHand(VirtualClock clock)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), clock);
        var ticks = 0;

        while (ticks < 12 && await timer.WaitForNextTickAsync())
        {
            ticks++;
        }

        Assert.Equal(TimeSpan.FromMinutes(1), clock.Elapsed);
    }

    [VirtualTimeFact]
    public async ValueTask VirtualTimeFact_ValueTaskMethod_IsAwaited(VirtualClock clock)
    {
        await Task.Delay(TimeSpan.FromSeconds(3), clock);

        Assert.Equal(TimeSpan.FromSeconds(3), clock.Elapsed);
    }

    [VirtualTimeFact]
    public void VirtualTimeFact_SynchronousMethod_RunsOnTheVirtualTimeContext()
    {
        Assert.Equal("AsyncEnumTesting virtual time", Thread.CurrentThread.Name);
    }

    [VirtualTimeFact(VirtualTimeLimit = "00:00:10", RealTimeGrace = "00:00:00.200")]
    public async Task VirtualTimeFact_WithinBudget_Passes(VirtualClock clock)
    {
        await Task.Delay(TimeSpan.FromSeconds(10), clock);

        Assert.Equal(TimeSpan.FromSeconds(10), clock.Elapsed);
    }
}
