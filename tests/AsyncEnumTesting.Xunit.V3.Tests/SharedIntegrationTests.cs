using System.Reflection;
using AsyncEnumTesting.Integration;
using AsyncEnumTesting.Testing;

namespace AsyncEnumTesting.Xunit.V3.Tests;

/// <summary>The settings and signature checks every framework package compiles from src/Shared.</summary>
public sealed class SharedIntegrationTests
{
    [Fact]
    public void SignatureError_ClockNotLast_SaysWhereItGoes()
    {
        var error = TestMethodCall.SignatureError(Method(nameof(Samples.ClockFirst)), "[VirtualTimeTest]", dataParameters: true);

        Assert.Equal("[VirtualTimeTest] on Samples.ClockFirst: the method may take one VirtualClock parameter, as its last parameter.", error);
    }

    [Fact]
    public void SignatureError_OtherParameterWithoutData_SaysToCreateFakesInside()
    {
        var error = TestMethodCall.SignatureError(Method(nameof(Samples.ClockLast)), "[VirtualTimeFact]", dataParameters: false);

        Assert.Equal(
            "[VirtualTimeFact] on Samples.ClockLast: the method may take one VirtualClock parameter and nothing else. Create fakes and probes inside the test with that clock.",
            error);
    }

    [Fact]
    public void SignatureError_AsyncVoid_SaysToReturnTask()
    {
        var error = TestMethodCall.SignatureError(Method(nameof(Samples.AsyncVoid)), "[VirtualTimeFact]", dataParameters: false);

        Assert.Equal("[VirtualTimeFact] on Samples.AsyncVoid: the method is async void, so the run cannot await it. Return Task instead.", error);
    }

    [Fact]
    public void SignatureError_ClockLastWithData_ReturnsNull()
    {
        Assert.Null(TestMethodCall.SignatureError(Method(nameof(Samples.ClockLast)), "[VirtualTimeTheory]", dataParameters: true));
    }

    [Fact]
    public void WithClock_MissingOrDefaultedClockSlot_PutsTheClockThere()
    {
        var clock = new VirtualClock();
        var method = Method(nameof(Samples.ClockLast));

        Assert.Equal([1, clock], TestMethodCall.WithClock(method, [1], clock));
        Assert.Equal([1, clock], TestMethodCall.WithClock(method, [1, null], clock));
    }

    [Fact]
    public void ToOptions_BadBudget_SaysHowToWriteIt()
    {
        new VirtualTimeLimits(VirtualTimeLimit: "90 minutes").ToOptions(out var error);

        Assert.Equal(
            "VirtualTimeLimit \"90 minutes\" is not a positive TimeSpan: write it like \"00:00:30\" (30 s), \"01:30:00\" (1 h 30 min) or \"7.00:00:00\" (7 days).",
            error);
    }

    [Fact]
    public void ToOptions_BareNumberBudget_SaysTimeSpanReadsItAsDays()
    {
        new VirtualTimeLimits(VirtualTimeLimit: "30").ToOptions(out var error);

        Assert.Equal(
            "VirtualTimeLimit \"30\" has no colon, so TimeSpan reads it as days (30.00:00:00); if that is what you mean, write \"30.00:00:00\", else write it like \"00:00:30\" (30 s) or \"01:30:00\" (1 h 30 min).",
            error);
    }

    [Fact]
    public void ToOptions_NegativeGrace_SaysToGiveAPositiveValue()
    {
        new VirtualTimeLimits(RealTimeGraceMilliseconds: -1).ToOptions(out var error);

        Assert.Equal("RealTimeGraceMilliseconds is -1: give a positive value, or leave it out for the default.", error);
    }

    [Theory]
    [InlineData(0, 5, 10L, "RealTimeGraceMilliseconds is 0: give a positive value, or leave it out for the default.")]
    [InlineData(200, 0, 10L, "RealTimeLimitSeconds is 0: give a positive value, or leave it out for the default.")]
    [InlineData(200, 5, 0L, "MaxTimerFirings is 0: give a positive value, or leave it out for the default.")]
    public void ToOptions_ZeroLimit_SaysToGiveAPositiveValueOrLeaveItOut(int grace, int limit, long firings, string expected)
    {
        new VirtualTimeLimits(grace, limit, null, firings).ToOptions(out var error);

        Assert.Equal(expected, error);
    }

    [Fact]
    public void ToOptions_NothingSet_GivesTheDefaults()
    {
        var options = new VirtualTimeLimits().ToOptions(out var error);

        Assert.Null(error);
        Assert.Equal(VirtualTimeOptions.Default.RealTimeGrace, options.RealTimeGrace);
        Assert.Equal(VirtualTimeOptions.Default.RealTimeLimit, options.RealTimeLimit);
        Assert.Equal(VirtualTimeOptions.Default.MaxTimerFirings, options.MaxTimerFirings);
    }

    [Fact]
    public void ToOptions_Settings_BecomeTheRunsOptions()
    {
        var options = new VirtualTimeLimits(200, 5, "01:30:00", 1000).ToOptions(out var error);

        Assert.Null(error);
        Assert.Equal(TimeSpan.FromMilliseconds(200), options.RealTimeGrace);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RealTimeLimit);
        Assert.Equal(TimeSpan.FromMinutes(90), options.VirtualTimeLimit);
        Assert.Equal(1000, options.MaxTimerFirings);
    }

    [Fact]
    public void ReadFrom_WhatWriteToWrote_GivesTheSameSettings()
    {
        var limits = new VirtualTimeLimits(200, 5, "01:30:00", 1000) { Schedules = 0, ScheduleSeed = 0 };
        var values = new Dictionary<string, object?>();

        limits.WriteTo((key, value) => values.Add(key, value));
        var copy = VirtualTimeLimits.ReadFrom((key, _) => values[key]);

        Assert.Equal(limits, copy);
        Assert.Equal(0, copy.ScheduleSeed);
    }

    [Fact]
    public void ReadFrom_WhatWriteToWroteWithNothingSet_KeepsTheLimitsUnset()
    {
        var values = new Dictionary<string, object?>();

        new VirtualTimeLimits().WriteTo((key, value) => values.Add(key, value));
        var copy = VirtualTimeLimits.ReadFrom((key, _) => values[key]);

        Assert.Equal(new VirtualTimeLimits(), copy);
        Assert.Null(copy.RealTimeGraceMilliseconds);
        Assert.Null(copy.RealTimeLimitSeconds);
        Assert.Null(copy.MaxTimerFirings);
    }

    [Fact]
    public void ToOptions_SchedulesAndScheduleSeed_SaysKeepOne()
    {
        new VirtualTimeLimits { Schedules = 10, ScheduleSeed = 3 }.ToOptions(out var error);

        Assert.Equal(
            "Schedules = 10 and ScheduleSeed = 3 are both set: ScheduleSeed replays the one schedule a failed exploration printed, Schedules explores many. Keep one.",
            error);
    }

    [Fact]
    public void ToOptions_NegativeSchedules_SaysToGiveAPositiveValue()
    {
        new VirtualTimeLimits { Schedules = -1 }.ToOptions(out var error);

        Assert.Equal("Schedules is -1: give a positive value, or leave it out for the default.", error);
    }

    [Fact]
    public void ToOptions_ScheduleSeedZero_BecomesTheRunsSeed()
    {
        var options = new VirtualTimeLimits { ScheduleSeed = 0 }.ToOptions(out var error);

        Assert.Null(error);
        Assert.Equal(0, options.ScheduleSeed);
    }

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

    private static MethodInfo Method(string name) => typeof(Samples).GetMethod(name)!;

#pragma warning disable CA1822, IDE0060, CA1801, CS1998, VSTHRD100 // signatures under test
    private sealed class Samples
    {
        public void ClockFirst(VirtualClock clock, int value)
        {
        }

        public void ClockLast(int value, VirtualClock clock)
        {
        }

        public async void AsyncVoid(VirtualClock clock)
        {
        }
    }
#pragma warning restore CA1822, IDE0060, CA1801, CS1998, VSTHRD100
}
