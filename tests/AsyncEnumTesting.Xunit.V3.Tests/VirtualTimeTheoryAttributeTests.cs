using AsyncEnumTesting.Xunit.V3;

namespace AsyncEnumTesting.Xunit.V3.Tests;

public sealed class VirtualTimeTheoryAttributeTests
{
    public static TheoryData<Interval> Intervals => [new Interval(TimeSpan.FromMinutes(1)), new Interval(TimeSpan.FromHours(2))];

    [VirtualTimeTheory]
    [InlineData(5)]
    [InlineData(3600)]
    public async Task VirtualTimeTheory_InlineRowsAndClock_EachRowOnItsOwnClock(int seconds, VirtualClock clock = null!)
    {
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);

        await Task.Delay(TimeSpan.FromSeconds(seconds), clock);

        Assert.Equal(TimeSpan.FromSeconds(seconds), clock.Elapsed);
    }

    [VirtualTimeTheory]
    [MemberData(nameof(Intervals))]
    public async Task VirtualTimeTheory_RowsXunitCannotSerialize_RunOnVirtualTime(Interval interval, VirtualClock clock = null!)
    {
        await Task.Delay(interval.Length, clock);

        Assert.Equal(interval.Length, clock.Elapsed);
    }

    [VirtualTimeTheory]
    [InlineData("a")]
    public async Task VirtualTimeTheory_NoClockParameter_RunsInsideAVirtualTimeRun(string value)
    {
        var before = SynchronizationContext.Current;

        await Task.Yield();

        Assert.Equal("a", value);
        Assert.Same(before, SynchronizationContext.Current);
    }

    /// <summary>A row value xunit cannot serialize, so the theory's rows are enumerated at run time.</summary>
    public sealed record Interval(TimeSpan Length);
}
