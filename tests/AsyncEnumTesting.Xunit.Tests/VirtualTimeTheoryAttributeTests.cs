using AsyncEnumTesting.Xunit;

namespace AsyncEnumTesting.Xunit.Tests;

/// <summary>Theories that use the attribute in the real suite: they must pass.</summary>
public sealed class VirtualTimeTheoryAttributeTests
{
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
    [InlineData("a")]
    public void VirtualTimeTheory_NoClockParameter_RunsOnTheVirtualTimeContext(string value)
    {
        Assert.Equal("a", value);
        Assert.Equal("AsyncEnumTesting virtual time", Thread.CurrentThread.Name);
    }
}
