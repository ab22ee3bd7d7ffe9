namespace AsyncEnumTesting.Tests.Time;

/// <summary>The <see cref="VirtualClock.Moved"/> seam: what an integration that keeps another clock in step can rely on.</summary>
public sealed partial class VirtualClockTests
{
    [Fact]
    public async Task Moved_TimerDueLater_RaisedOnceWithTheNewTimeBeforeTheCallback()
    {
        var clock = new VirtualClock();
        var seen = new List<string>();
        clock.Moved += (sender, _) => seen.Add($"moved to {((VirtualClock)sender!).Elapsed.TotalSeconds} s");
        using var timer = clock.CreateTimer(_ => seen.Add($"timer at {clock.Elapsed.TotalSeconds} s"), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(["moved to 5 s", "timer at 5 s"], seen);
    }

    [Fact]
    public async Task Moved_TimerDueNow_NotRaisedForIt()
    {
        var clock = new VirtualClock();
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        var moves = 0;
        clock.Moved += (_, _) => moves++;
        var fired = false;
        using var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        await clock.AdvanceAsync(TimeSpan.Zero);

        Assert.True(fired);
        Assert.Equal(0, moves);
    }

    [Fact]
    public async Task Moved_AdvancePastTwoTimersToALaterTime_RaisedForEachMove()
    {
        var clock = new VirtualClock();
        var seen = new List<double>();
        clock.Moved += (_, _) => seen.Add(clock.Elapsed.TotalSeconds);
        using var first = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var second = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var third = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(3));

        Assert.Equal([1d, 2d, 3d], seen);
    }
}
