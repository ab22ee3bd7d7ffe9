using Microsoft.Extensions.Time.Testing;

namespace AsyncEnumTesting.FluentAssertions.Tests.Sequences;

/// <summary>Which clocks the assertions accept: a VirtualClock (driven), real time (bounded), nothing they cannot move.</summary>
public sealed class ClockCheckTests
{
    private const string FakeMessage =
        "FakeTimeProvider is a TimeProvider the assertion cannot move: a source waiting on it would wait until the real-time limit and fail. " +
        "Give the code under test a VirtualClock instead (a TimeProvider too, which the assertion advances while it waits), " +
        "or keep the FakeTimeProvider, advance it yourself, and assert without a clock: source.Should(). (Parameter 'clock')";

    [Fact]
    public void Should_FakeTimeProvider_RefusesAndSaysWhatToDo()
    {
        var fake = new FakeTimeProvider();
        var source = Ticks(fake);

        var act = () => source.Should(fake);

        act.Should().Throw<ArgumentException>().WithMessage(FakeMessage).Which.ParamName.Should().Be("clock");
    }

    [Fact]
    public void WithClock_FakeTimeProvider_RefusesAndSaysWhatToDo()
    {
        var fake = new FakeTimeProvider();
        var source = Ticks(fake);

        var act = () => source.Should().WithClock(fake);

        act.Should().Throw<ArgumentException>().WithMessage(FakeMessage);
    }

    [Fact]
    public async Task Should_SystemClock_WaitsOnRealTime()
    {
        var source = Ticks(TimeProvider.System, TimeSpan.FromMilliseconds(1)); // real time on purpose: the System clock is accepted

        await source.Should(TimeProvider.System).YieldInOrder(1, 2);
    }

    [Fact]
    public async Task Should_VirtualClock_DrivesIt()
    {
        var clock = new VirtualClock();

        await Ticks(clock, TimeSpan.FromHours(1)).Should(clock).YieldInOrder(1, 2);

        clock.Elapsed.Should().Be(TimeSpan.FromHours(2));
    }

    private static async IAsyncEnumerable<int> Ticks(TimeProvider clock, TimeSpan? interval = null)
    {
        for (var i = 1; i <= 2; i++)
        {
            await Task.Delay(interval ?? TimeSpan.FromSeconds(1), clock);
            yield return i;
        }
    }
}
