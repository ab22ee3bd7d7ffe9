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

    private const string OtherClockMessage =
        "The source runs on another VirtualClock: marble sequence \"marbles\" waits on the clock it was created with " +
        "(VirtualClock at 00:00.000 (2000-01-01T00:00:00.000Z), 0 timer(s) pending), not on clock " +
        "(VirtualClock at 00:00.000 (2000-01-01T00:00:00.000Z), 0 timer(s) pending), so nothing would move its time. " +
        "Pass the fake's clock, or create the fake with the clock you pass. (Parameter 'clock')";

    [Fact]
    public void Should_MarbleFakeOnAnotherClock_RefusesAtOnceNamingBoth()
    {
        var fakeClock = new VirtualClock();
        var clock = new VirtualClock();
        var source = FakeSequence.FromMarbles(fakeClock, "-a-b|");

        var ex = Assert.Throws<ArgumentException>(() => source.Should(clock));

        Assert.Equal(OtherClockMessage, ex.Message);
    }

    [Fact]
    public void Should_ProbeOverFakeOnAnotherClock_Refuses()
    {
        var fakeClock = new VirtualClock();
        var clock = new VirtualClock();
        var source = FakeSequence.FromMarbles(fakeClock, "-a-b|").Probe(new Timeline(fakeClock), "src");

        var ex = Assert.Throws<ArgumentException>(() => source.Should(clock));

        Assert.Equal(OtherClockMessage, ex.Message);
    }

    [Fact]
    public void WithClock_FakeOnAnotherClock_Refuses()
    {
        var source = FakeSequence.FromMarbles(new VirtualClock(), "-a-b|");

        var ex = Assert.Throws<ArgumentException>(() => source.Should().WithClock(new VirtualClock()));

        Assert.Equal(OtherClockMessage, ex.Message);
    }

    private const string SystemClockMessage =
        "The source runs on a VirtualClock, not on real time: scripted sequence \"scripted\" waits on the clock it was created with " +
        "(VirtualClock at 00:00.000 (2000-01-01T00:00:00.000Z), 0 timer(s) pending), but clock is TimeProvider.System, which never " +
        "moves that clock, so nothing would move its time. Pass the fake's clock: fakes never wait on real time. (Parameter 'clock')";

    [Fact]
    public void Should_FakeOnAVirtualClockGivenTheSystemClock_RefusesAtOnce()
    {
        var source = FakeSequence.Script<int>(new VirtualClock()).Wait(TimeSpan.FromSeconds(1)).Yield(1).Complete();

        var ex = Assert.Throws<ArgumentException>(() => source.Should(TimeProvider.System));

        Assert.Equal(SystemClockMessage, ex.Message);
    }

    [Fact]
    public void WithClock_SystemClockForAFakeOnAVirtualClock_RefusesAtOnce()
    {
        var source = FakeSequence.Script<int>(new VirtualClock()).Wait(TimeSpan.FromSeconds(1)).Yield(1).Complete();

        var ex = Assert.Throws<ArgumentException>(() => source.Should().WithClock(TimeProvider.System));

        Assert.Equal(SystemClockMessage, ex.Message);
    }

    [Fact]
    public async Task Should_MarbleFakeOnItsOwnClock_ReadsIt()
    {
        var clock = new VirtualClock();

        await FakeSequence.FromMarbles(clock, "-a-b|").Should(clock).YieldInOrder('a', 'b');

        clock.Elapsed.Should().Be(TimeSpan.FromMilliseconds(40));
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
