using AsyncEnumTesting.Integration;

namespace AsyncEnumTesting.Xunit.V3.Tests;

/// <content>An attribute's limits: the three time limits read as invariant TimeSpans by one parser, the numbers checked,
/// all carried through a serialized test case.</content>
public sealed partial class SharedIntegrationTests
{
    [Theory]
    [InlineData("RealTimeGrace", "200ms")]
    [InlineData("RealTimeLimit", "30 s")]
    [InlineData("VirtualTimeLimit", "90 minutes")]
    public void ToOptions_TimeLimitNotATimeSpan_SaysHowToWriteIt(string name, string value)
    {
        TimeLimit(name, value).ToOptions(out var error);

        Assert.Equal(
            $"{name} \"{value}\" is not a TimeSpan: write it as [days.]hours:minutes:seconds[.fraction], like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h).",
            error);
    }

    [Theory]
    [InlineData("RealTimeGrace", "200", "200.00:00:00")]
    [InlineData("RealTimeLimit", "30", "30.00:00:00")]
    [InlineData("VirtualTimeLimit", "7", "7.00:00:00")]
    public void ToOptions_TimeLimitBareNumber_SaysTimeSpanReadsItAsDays(string name, string value, string read)
    {
        TimeLimit(name, value).ToOptions(out var error);

        Assert.Equal(
            $"{name} \"{value}\" has no colon, so TimeSpan reads it as days ({read}); if that is what you mean, write \"{read}\", else write it like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h).",
            error);
    }

    [Theory]
    [InlineData("RealTimeGrace", "00:00:00", "00:00:01")]
    [InlineData("RealTimeLimit", "0", "00:00:30")]
    [InlineData("VirtualTimeLimit", "00:00", "7.00:00:00")]
    public void ToOptions_TimeLimitZero_SaysItMustBePositiveOrLeftOut(string name, string value, string fallback)
    {
        TimeLimit(name, value).ToOptions(out var error);

        Assert.Equal(
            $"{name} \"{value}\" is zero: VirtualTimeOptions.{name} must be positive; write it like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h), or leave it out for the default ({fallback}).",
            error);
    }

    [Theory]
    [InlineData("RealTimeGrace", "-00:00:00.100", "00:00:01")]
    [InlineData("RealTimeLimit", "-00:00:30", "00:00:30")]
    [InlineData("VirtualTimeLimit", "-1", "7.00:00:00")]
    public void ToOptions_TimeLimitNegative_SaysItMustBePositiveOrLeftOut(string name, string value, string fallback)
    {
        TimeLimit(name, value).ToOptions(out var error);

        Assert.Equal(
            $"{name} \"{value}\" is negative: VirtualTimeOptions.{name} must be positive; write it like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h), or leave it out for the default ({fallback}).",
            error);
    }

    [Theory]
    [InlineData("RealTimeGrace", "00:00:60")]
    [InlineData("RealTimeLimit", "00:60:00")]
    [InlineData("VirtualTimeLimit", "1.24:00:00")]
    [InlineData("VirtualTimeLimit", "10675200.00:00:00")]
    public void ToOptions_TimeLimitOutOfRange_SaysTheRangeAndHowToWriteIt(string name, string value)
    {
        TimeLimit(name, value).ToOptions(out var error);

        Assert.Equal(
            $"{name} \"{value}\" is out of range: minutes and seconds go up to 59, hours up to 23 after a day count (\"1.23:00:00\"), and VirtualTimeOptions.{name} takes at most TimeSpan.MaxValue (10675199.02:48:05.4775807); write it like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h).",
            error);
    }

    [Fact]
    public void ToOptions_TimeLimitAtTimeSpanMaxValue_IsAccepted()
    {
        var options = new VirtualTimeLimits(VirtualTimeLimit: "10675199.02:48:05.4775807").ToOptions(out var error);

        Assert.Null(error);
        Assert.Equal(TimeSpan.MaxValue, options.VirtualTimeLimit);
    }

    [Fact]
    public void ToOptions_SeveralWrongLimits_SaysTheFirstInTheAttributesOrder()
    {
        new VirtualTimeLimits("0", "30", "1h", 0).ToOptions(out var error);

        Assert.Equal(
            "RealTimeGrace \"0\" is zero: VirtualTimeOptions.RealTimeGrace must be positive; write it like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h), or leave it out for the default (00:00:01).",
            error);
    }

    [Theory]
    [InlineData(-1L, "MaxTimerFirings is -1: give a positive value, or leave it out for the default.")]
    [InlineData(0L, "MaxTimerFirings is 0: give a positive value, or leave it out for the default.")]
    public void ToOptions_TimerFiringsNotPositive_SaysToGiveAPositiveValueOrLeaveItOut(long firings, string expected)
    {
        new VirtualTimeLimits(MaxTimerFirings: firings).ToOptions(out var error);

        Assert.Equal(expected, error);
    }

    [Fact]
    public void ToOptions_NothingSet_GivesTheDefaults()
    {
        var options = new VirtualTimeLimits().ToOptions(out var error);

        Assert.Null(error);
        Assert.Equal(VirtualTimeOptions.Default.RealTimeGrace, options.RealTimeGrace);
        Assert.Equal(VirtualTimeOptions.Default.RealTimeLimit, options.RealTimeLimit);
        Assert.Equal(VirtualTimeOptions.Default.VirtualTimeLimit, options.VirtualTimeLimit);
        Assert.Equal(VirtualTimeOptions.Default.MaxTimerFirings, options.MaxTimerFirings);
    }

    [Fact]
    public void ToOptions_Settings_BecomeTheRunsOptions()
    {
        var options = new VirtualTimeLimits("00:00:00.200", "00:00:05", "01:30:00", 1000).ToOptions(out var error);

        Assert.Null(error);
        Assert.Equal(TimeSpan.FromMilliseconds(200), options.RealTimeGrace);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RealTimeLimit);
        Assert.Equal(TimeSpan.FromMinutes(90), options.VirtualTimeLimit);
        Assert.Equal(1000, options.MaxTimerFirings);
    }

    [Fact]
    public void ReadFrom_WhatWriteToWrote_GivesTheSameSettings()
    {
        var limits = new VirtualTimeLimits("00:00:00.200", "00:00:05", "01:30:00", 1000) { Schedules = 0, ScheduleSeed = 0 };
        var values = new Dictionary<string, object?>();

        limits.WriteTo((key, value) => values.Add(key, value));
        var copy = VirtualTimeLimits.ReadFrom((key, _) => values[key]);

        Assert.Equal(limits, copy);
        Assert.Equal("00:00:00.200", values["RealTimeGrace"]);
        Assert.Equal("00:00:05", values["RealTimeLimit"]);
        Assert.Equal(0, copy.ScheduleSeed);
    }

    [Fact]
    public void ReadFrom_WhatWriteToWroteWithNothingSet_KeepsTheLimitsUnset()
    {
        var values = new Dictionary<string, object?>();

        new VirtualTimeLimits().WriteTo((key, value) => values.Add(key, value));
        var copy = VirtualTimeLimits.ReadFrom((key, _) => values[key]);

        Assert.Equal(new VirtualTimeLimits(), copy);
        Assert.Null(copy.RealTimeGrace);
        Assert.Null(copy.RealTimeLimit);
        Assert.Null(copy.VirtualTimeLimit);
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

    [Theory]
    [InlineData("RealTimeLimit", "36:00:00", "36.00:00:00", "1.12:00:00")]
    [InlineData("VirtualTimeLimit", "48:00:00", "48.00:00:00", "2.00:00:00")]
    public void ToOptions_TimeLimitHoursAbove23WithoutDays_SaysTimeSpanReadsThemAsDays(string name, string value, string read, string meant)
    {
        TimeLimit(name, value).ToOptions(out var error);

        Assert.Equal(
            $"{name} \"{value}\" reads as {read}: TimeSpan takes a first number above 23 as days when no day count comes before it. "
            + $"Meant as hours, write \"{meant}\"; meant as days, write \"{read}\".",
            error);
    }

    [Fact]
    public void ToOptions_RealTimeGraceLongerThanAWaitTakes_SaysTheMaximum()
    {
        TimeLimit("RealTimeGrace", "30.00:00:00").ToOptions(out var error);

        Assert.Equal(
            "RealTimeGrace \"30.00:00:00\" is longer than a run can wait: VirtualTimeOptions.RealTimeGrace takes at most 24.20:31:23.6470000 "
            + "(the longest Monitor.Wait); write it like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h).",
            error);
    }

    private static VirtualTimeLimits TimeLimit(string name, string value) => name switch
    {
        nameof(VirtualTimeLimits.RealTimeGrace) => new(RealTimeGrace: value),
        nameof(VirtualTimeLimits.RealTimeLimit) => new(RealTimeLimit: value),
        nameof(VirtualTimeLimits.VirtualTimeLimit) => new(VirtualTimeLimit: value),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a time limit"),
    };
}
