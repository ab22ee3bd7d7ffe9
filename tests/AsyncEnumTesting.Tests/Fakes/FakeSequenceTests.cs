namespace AsyncEnumTesting.Tests.Fakes;

public sealed class FakeSequenceTests
{
    [Fact]
    public void DefaultFrame_Is10Milliseconds()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(10), FakeSequence.DefaultFrame);
    }

    [Fact]
    public void Script_NoName_UsesDefaultNameAndNoClock()
    {
        var source = FakeSequence.Script<int>();

        Assert.Equal("scripted", source.Name);
        Assert.Null(source.Clock);
        Assert.Equal(Misbehavior.None, source.Misbehaviors);
        Assert.Equal("scripted sequence \"scripted\": (empty)", source.ToString());
    }

    [Fact]
    public async Task Script_Empty_CompletesAtOnce()
    {
        Assert.Empty(await FakeSequence.Script<int>().ToListAsync());
    }

    [Theory]
    [InlineData(null, "scripted")]
    [InlineData(" ", "scripted")]
    [InlineData("orders", "orders")]
    public void Script_Name_IsUsedWhenGiven(string? name, string expected)
    {
        Assert.Equal(expected, FakeSequence.Script<int>(name: name).Name);
    }

    [Fact]
    public void DefaultNames_NameEachKind()
    {
        var clock = new VirtualClock();

        Assert.Equal("generated", FakeSequence.Generate(clock, i => i, TimeSpan.FromSeconds(1)).Name);
        Assert.Equal("marbles", FakeSequence.FromMarbles(clock, "a|").Name);
        Assert.Equal("driven", FakeSequence.Driven<int>().Name);
    }

    [Fact]
    public void Generate_PositiveIntervalWithoutClock_ThrowsSayingToPassClock()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => FakeSequence.Generate<int>(null, i => i, TimeSpan.FromSeconds(5)));

        Assert.Equal("clock", ex.ParamName);
        Assert.Equal(
            "A generated sequence that waits 00:05.000 between items needs a VirtualClock: pass one as clock. Fakes never wait on real time. (Parameter 'clock')",
            ex.Message);
    }

    [Fact]
    public async Task Generate_ZeroIntervalWithoutClock_YieldsAtOnce()
    {
        var items = await FakeSequence.Generate<int>(null, i => i + 1, TimeSpan.Zero).Take(3).ToListAsync();

        Assert.Equal([1, 2, 3], items);
    }

    [Fact]
    public void Generate_InvalidArguments_Throw()
    {
        var clock = new VirtualClock();

        Assert.Throws<ArgumentNullException>(() => FakeSequence.Generate<int>(clock, null!, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => FakeSequence.Generate(clock, i => i, TimeSpan.FromTicks(-1)));
    }

    [Fact]
    public void Generate_ThenAddStep_ThrowsBecauseGenerateIsTerminal()
    {
        var source = FakeSequence.Generate(new VirtualClock(), i => i, TimeSpan.FromSeconds(1), "ticks");

        var ex = Assert.Throws<InvalidOperationException>(() => source.Complete());

        Assert.StartsWith("Cannot add Complete() to generated sequence \"ticks\": the script already ends with Generate(every 00:01.000)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromMarbles_NullArguments_Throw()
    {
        var clock = new VirtualClock();

        Assert.Throws<ArgumentNullException>(() => FakeSequence.FromMarbles(clock, null!));
        Assert.Throws<ArgumentNullException>(() => FakeSequence.FromMarbles(clock, "a|", (IReadOnlyDictionary<char, int>)null!));
        Assert.Throws<ArgumentNullException>(() => FakeSequence.FromMarbles(clock, "a|", (Func<char, int>)null!));
    }

    [Fact]
    public void FromMarbles_Script_ListsParsedSteps()
    {
        var source = FakeSequence.FromMarbles(new VirtualClock(), "-a 1s (bc)|", name: "m");

        Assert.Equal(
            "marble sequence \"m\": WaitUntil(00:00.010), Yield(a), WaitUntil(00:01.020), Yield(b), Yield(c), WaitUntil(00:01.030), Complete()",
            source.ToString());
    }

    [Fact]
    public void Driven_Defaults_EmptyWithoutDemand()
    {
        var clock = new VirtualClock();
        var source = FakeSequence.Driven<string>(clock, "feed");

        Assert.Equal(("feed", clock, 0, 0, false), (source.Name, source.Clock, source.Demand, source.Buffered, source.IsEnded));
        Assert.Equal((0, 0, 0), (source.Enumerations, source.Disposals, source.ActiveEnumerations));
    }

    [Fact]
    public async Task ThrowIfOnOtherClock_ProbeOverDrivenFakeOnAnotherClock_ThrowsNamingBoth()
    {
        var fakeClock = new VirtualClock();
        var passed = new VirtualClock();
        await passed.AdvanceAsync(TimeSpan.FromSeconds(1));
        var source = FakeSequence.Driven<int>(fakeClock, "orders").Probe(new Timeline(passed));

        var ex = Assert.Throws<ArgumentException>(() => FakeSequence.ThrowIfOnOtherClock(source, passed));

        Assert.Equal(
            "The source runs on another VirtualClock: driven sequence \"orders\" waits on the clock it was created with " +
            "(VirtualClock at 00:00.000 (2000-01-01T00:00:00.000Z), 0 timer(s) pending), not on passed " +
            "(VirtualClock at 00:01.000 (2000-01-01T00:00:01.000Z), 0 timer(s) pending), so nothing would move its time. " +
            "Pass the fake's clock, or create the fake with the clock you pass. (Parameter 'passed')",
            ex.Message);
    }

    [Fact]
    public void ThrowIfOnOtherClock_FakeOnThatClock_DoesNothing()
    {
        var clock = new VirtualClock();

        FakeSequence.ThrowIfOnOtherClock(FakeSequence.FromMarbles(clock, "-a|").Probe(), clock);
    }

    [Fact]
    public void ThrowIfOnOtherClock_NotAFakeOrNoClock_DoesNothing()
    {
        FakeSequence.ThrowIfOnOtherClock(AsyncEnumerable.Range(1, 2), new VirtualClock());
        FakeSequence.ThrowIfOnOtherClock(FakeSequence.FromMarbles(new VirtualClock(), "-a|"), null);
        FakeSequence.ThrowIfOnOtherClock(FakeSequence.Script<int>().Yield(1), new VirtualClock());
    }

    [Fact]
    public void ThrowIfOnOtherClock_FakeOnAVirtualClockGivenTheSystemClock_ThrowsSayingRealTimeNeverMovesIt()
    {
        var source = FakeSequence.Script<int>(new VirtualClock(), "orders").Wait(TimeSpan.FromSeconds(1)).Yield(1).Probe();
        var clock = TimeProvider.System;

        var ex = Assert.Throws<ArgumentException>(() => FakeSequence.ThrowIfOnOtherClock(source, clock));

        Assert.Equal(
            "The source runs on a VirtualClock, not on real time: scripted sequence \"orders\" waits on the clock it was created with " +
            "(VirtualClock at 00:00.000 (2000-01-01T00:00:00.000Z), 0 timer(s) pending), but clock is TimeProvider.System, which never " +
            "moves that clock, so nothing would move its time. Pass the fake's clock: fakes never wait on real time. (Parameter 'clock')",
            ex.Message);
    }

    [Fact]
    public void ThrowIfOnOtherClock_SystemClockForAFakeWithoutAClockOrAPlainSource_DoesNothing()
    {
        FakeSequence.ThrowIfOnOtherClock(FakeSequence.Script<int>().Yield(1), TimeProvider.System);
        FakeSequence.ThrowIfOnOtherClock(AsyncEnumerable.Range(1, 2), TimeProvider.System);
    }

    [Fact]
    public void NameOf_FakesAndProbesTheTestNamed_ReturnsTheNameItGave()
    {
        var timeline = new Timeline();
        var orders = FakeSequence.Script<int>(name: "orders").Yield(1);

        Assert.Equal<string?[]>(
            ["orders", "orders", "polls", "feed"],
            [
                FakeSequence.NameOf(orders),
                FakeSequence.NameOf(orders.Probe(timeline)),
                FakeSequence.NameOf(orders.Probe(timeline, "polls")),
                FakeSequence.NameOf(FakeSequence.Driven<int>(name: "feed")),
            ]);
    }

    [Fact]
    public void NameOf_DefaultNamesOrAPlainSource_ReturnsNull()
    {
        var timeline = new Timeline();

        Assert.All(
            [
                FakeSequence.NameOf(FakeSequence.Script<int>()),
                FakeSequence.NameOf(FakeSequence.Script<int>(timeline: timeline)),
                FakeSequence.NameOf(FakeSequence.Driven<int>().Probe(timeline)),
                FakeSequence.NameOf(AsyncEnumerable.Range(1, 2).Probe(timeline)),
                FakeSequence.NameOf(AsyncEnumerable.Range(1, 2)),
            ],
            Assert.Null);
    }
}
