namespace AsyncEnumTesting.Tests.Fakes;

public sealed class FakeSequenceClockOfTests
{
    [Fact]
    public void ClockOf_ScriptedFakeWithAClock_IsThatClock()
    {
        var clock = new VirtualClock();

        Assert.Same(clock, FakeSequence.ClockOf(FakeSequence.Script<int>(clock).Yield(1)));
    }

    [Fact]
    public void ClockOf_ProbeOnRealTimeOverADrivenFakeWithAClock_IsTheFakesClock()
    {
        var clock = new VirtualClock();
        var fake = FakeSequence.Driven<int>(clock);

        Assert.Same(clock, FakeSequence.ClockOf(fake.Probe(new Timeline(), "p")));
    }

    [Fact]
    public void ClockOf_ProbeOnAVirtualTimelineOverAnyProducer_IsTheTimelinesClock()
    {
        var clock = new VirtualClock();

        Assert.Same(clock, FakeSequence.ClockOf(AsyncEnumerable.Range(1, 2).Probe(new Timeline(clock), "p")));
    }

    [Fact]
    public void ClockOf_FakeWithoutAClockOrAnyOtherSource_IsNull()
    {
        Assert.Null(FakeSequence.ClockOf(FakeSequence.Script<int>().Yield(1)));
        Assert.Null(FakeSequence.ClockOf(AsyncEnumerable.Range(1, 2)));
    }

    [Fact]
    public void ClockOf_NullSource_Throws()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => FakeSequence.ClockOf<int>(null!));

        Assert.Equal("source", ex.ParamName);
    }
}
