using AsyncEnumTesting.Integration;
using AsyncEnumTesting.Testing;

namespace AsyncEnumTesting.Xunit.V3.Tests;

/// <content>Running a test's body as its attribute says: once, replayed, explored, again after a late start; and what it writes.</content>
public sealed partial class SharedIntegrationTests
{
    [Fact]
    public async Task RunAsync_Schedules_RunsTheBodyOncePerScheduleOnNewClocksAndSaysWhatItCovered()
    {
        var given = new TestClock();
        var clocks = new List<VirtualClock>();

        var summary = await VirtualTimeTestRun.RunAsync(new VirtualTimeLimits { Schedules = 4 }, given, async clock =>
        {
            clocks.Add(clock);
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
        });

        Assert.Equal("Schedule exploration: 5 schedules passed, 1 distinct (up to 0 order decision(s) each).", summary);
        Assert.Equal(5, clocks.Distinct().Count());
        Assert.DoesNotContain(given.Current, clocks);
    }

    [Fact]
    public async Task RunAsync_ScheduleSeed_RunsOnTheGivenClockAndSaysWhatItReplayed()
    {
        var given = new TestClock();
        VirtualClock? seen = null;

        var summary = await VirtualTimeTestRun.RunAsync(new VirtualTimeLimits { ScheduleSeed = 7 }, given, clock =>
        {
            seen = clock;
            return Task.CompletedTask;
        });

        Assert.Equal("Replayed schedule 7.", summary);
        Assert.Same(given.Current, seen);
    }

    [Fact]
    public async Task FailureReport_ScheduleSeedReplayed_SaysTheFailureIsThatSchedulesAboveTheTimelines()
    {
        var given = new TestClock();

        await Assert.ThrowsAsync<InvalidOperationException>(() => VirtualTimeTestRun.RunAsync(new VirtualTimeLimits { ScheduleSeed = 7 }, given, clock =>
        {
            new Timeline(clock).Mark("before the failure");
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal(
            "Replayed schedule 7: the test failed in that schedule's order of same-instant events, not in the default order "
            + "(remove ScheduleSeed to run the default order)." + Environment.NewLine + given.Current.RenderTimelines("boom"),
            given.FailureReport("boom"));
    }

    [Fact]
    public void FailureReport_NoSeed_IsTheTimelinesAlone()
    {
        var given = new TestClock();
        new Timeline(given.Current).Mark("m");

        Assert.Equal(given.Current.RenderTimelines("boom"), given.FailureReport("boom"));
    }

    [Fact]
    public async Task RunAsync_NoScheduleSetting_RunsOnceAndSaysNothing()
    {
        var runs = 0;

        var summary = await VirtualTimeTestRun.RunAsync(new VirtualTimeLimits(), new TestClock(), _ =>
        {
            runs++;
            return Task.CompletedTask;
        });

        Assert.Null(summary);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task RunAsync_BodyLeavesALoopRunning_SaysWhichTimersAreStillPending()
    {
        var summary = await VirtualTimeTestRun.RunAsync(new VirtualTimeLimits(), new TestClock(), async clock =>
        {
            _ = PollForeverAsync(clock);
            await Task.Delay(TimeSpan.FromSeconds(12), clock);
        });

        Assert.Equal(
            "The test ended with 1 timer(s) still pending on its clock, the next due at 00:15.000: work it started (a loop, a timeout) " +
            "was never stopped or disposed, and ends with the test without running again.",
            summary);

        static async Task PollForeverAsync(VirtualClock clock)
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), clock);
            }
        }
    }

    [Fact]
    public async Task RunAsync_FirstRunEndsInALateStart_RunsAgainOnANewClockAndSaysSo()
    {
        var given = new TestClock();
        var first = given.Current;
        var clocks = new List<VirtualClock>();

        var summary = await VirtualTimeTestRun.RunAsync(new VirtualTimeLimits(), given, async clock =>
        {
            clocks.Add(clock);
            if (clocks.Count == 1)
            {
                await LateStartBody.RunAsync(clock);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), clock);
        });

        Assert.Equal(
            "Ran the test 2 times: 1 run(s) ended in a late start (the machine held up work of the run on the thread pool past a clock " +
            "move, not the code's fault), so the test ran again on a new clock.",
            summary);
        Assert.Equal(2, clocks.Count);
        Assert.Same(first, clocks[0]);
        Assert.Same(given.Current, clocks[1]);
        Assert.NotSame(first, given.Current);
        Assert.Equal(first.Start, given.Current.Start);
    }

    [Fact]
    public async Task RunAsync_EveryRunEndsInALateStart_FailsWithTheLastAfterThreeRuns()
    {
        var runs = 0;

        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTimeTestRun.RunAsync(new VirtualTimeLimits(), new TestClock(), clock =>
        {
            runs++;
            return LateStartBody.RunAsync(clock);
        }));

        Assert.True(ex.IsLateStart);
        Assert.Equal(3, runs);
    }

    [Fact]
    public async Task RunAsync_OtherVirtualTimeFailure_IsNotRunAgain()
    {
        var runs = 0;

        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTimeTestRun.RunAsync(
            new VirtualTimeLimits(VirtualTimeLimit: "00:00:01"), new TestClock(), async clock =>
            {
                runs++;
                await Task.Delay(TimeSpan.FromSeconds(5), clock);
            }));

        Assert.False(ex.IsLateStart);
        Assert.Equal(1, runs);
    }
}
