using System.Reflection;
using AsyncEnumTesting.Integration;
using AsyncEnumTesting.Testing;

namespace AsyncEnumTesting.Xunit.V3.Tests;

/// <summary>The settings and signature checks every framework package compiles from src/Shared.</summary>
public sealed partial class SharedIntegrationTests
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
