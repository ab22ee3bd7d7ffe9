namespace AsyncEnumTesting.Tests.Time;

/// <content>The internal <c>DriveAsync</c> that readers and assertions use to wait on a fake while moving the clock.</content>
public sealed partial class VirtualClockTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task DriveAsync_CompletedTask_ReturnsWithoutMovingTime()
    {
        var clock = new VirtualClock();
        using var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        var value = await clock.DriveAsync(Task.FromResult(5), null, Grace);

        Assert.Equal(5, value);
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
    }

    [Fact]
    public async Task DriveAsync_TaskCompletedByTimers_AdvancesExactlyToIt()
    {
        var clock = new VirtualClock();
        using var unrelated = clock.CreateTimer(_ => { }, null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);

        var value = await clock.DriveAsync(ThreeSteps(clock), null, Grace);

        Assert.Equal("done at 00:03.000", value);
        Assert.Equal(TimeSpan.FromSeconds(3), clock.Elapsed);
    }

    [Fact]
    public async Task DriveAsync_TaskCompletesAtLimit_Succeeds()
    {
        var clock = new VirtualClock();

        var value = await clock.DriveAsync(ThreeSteps(clock), TimeSpan.FromSeconds(3), Grace);

        Assert.Equal("done at 00:03.000", value);
    }

    [Fact]
    public async Task DriveAsync_NextTimerBeyondLimit_FailsAtLimit()
    {
        var clock = new VirtualClock();
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        var late = Late(clock);

        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => clock.DriveAsync(late, TimeSpan.FromSeconds(2), Grace));

        Assert.Equal(
            "Nothing happened within 00:02.000 of virtual time: the clock moved from 00:01.000 to 00:03.000 and the next timer is due later.",
            ex.Message);
        Assert.Equal(TimeSpan.FromSeconds(3), clock.Elapsed);

        static async Task<int> Late(VirtualClock clock)
        {
            await Task.Delay(TimeSpan.FromSeconds(10), clock);
            return 1;
        }
    }

    [Fact]
    public async Task DriveAsync_TimerAtLimitCompletesTask_Succeeds()
    {
        var clock = new VirtualClock();
        var gate = new TaskCompletionSource<int>();
        using var timer = clock.CreateTimer(_ => gate.TrySetResult(9), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        using var later = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(20), Timeout.InfiniteTimeSpan);

        var value = await clock.DriveAsync(gate.Task, TimeSpan.FromSeconds(2), Grace);

        Assert.Equal(9, value);
    }

    [Fact]
    public async Task DriveAsync_NoTimerAndNothingCompletes_FailsAfterGrace()
    {
        var clock = new VirtualClock();
        await clock.AdvanceAsync(TimeSpan.FromSeconds(4));

        var ex = await Assert.ThrowsAsync<VirtualTimeException>(
            () => clock.DriveAsync(new TaskCompletionSource<int>().Task, null, Grace));

        Assert.Equal(
            "Nothing can happen any more in virtual time: no timer is pending on the clock and nothing completed the wait within " +
            "0.100 s of real time. The clock stands at 00:04.000. The code under test may use real time (Task.Delay without the " +
            "clock) or wait on something nothing completes.",
            ex.Message);
    }

    [Fact]
    public async Task DriveAsync_NoTimerButOtherThreadCompletes_ReturnsItsResult()
    {
        var clock = new VirtualClock();
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var drive = clock.DriveAsync(gate.Task, null, TimeSpan.FromSeconds(30));

        await Task.Run(() => gate.SetResult(3));

        Assert.Equal(3, await drive);
    }

    [Fact]
    public async Task DriveAsync_TaskFaults_RethrowsItsException()
    {
        var clock = new VirtualClock();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => clock.DriveAsync(FailLater(clock), null, Grace));

        Assert.Equal("failed at 00:02.000", ex.Message);

        static async Task<int> FailLater(VirtualClock clock)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), clock);
            throw new InvalidOperationException($"failed at {clock.Elapsed:mm\\:ss\\.fff}");
        }
    }

    [Fact]
    public async Task DriveAsync_UnderRunner_OnlyAwaits()
    {
        var (value, elapsed) = await VirtualTime.RunAsync(async clock =>
        {
            var value = await clock.DriveAsync(ThreeSteps(clock), TimeSpan.FromMilliseconds(1), Grace);
            return (value, clock.Elapsed);
        });

        Assert.Equal("done at 00:03.000", value);
        Assert.Equal(TimeSpan.FromSeconds(3), elapsed);
    }

    private static async Task<string> ThreeSteps(VirtualClock clock)
    {
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
        }

        return $"done at {clock.Elapsed:mm\\:ss\\.fff}";
    }
}
