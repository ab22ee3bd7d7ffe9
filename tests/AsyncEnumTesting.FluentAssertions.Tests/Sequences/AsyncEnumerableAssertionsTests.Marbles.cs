using static AsyncEnumTesting.FluentAssertions.Tests.Sources;

namespace AsyncEnumTesting.FluentAssertions.Tests.Sequences;

public sealed partial class AsyncEnumerableAssertionsTests
{
    [Fact]
    public async Task MatchMarbles_SameDiagram_Passes()
    {
        var clock = new VirtualClock();
        var frame = TimeSpan.FromMilliseconds(10);

        await FakeSequence.FromMarbles(clock, "-a-b-|", frame: frame).Should().MatchMarbles("-a-b-|", frame);
    }

    [Fact]
    public async Task MatchMarbles_LateItem_FailsWithBothDiagramsAligned()
    {
        var clock = new VirtualClock();
        var ticks = Every100Ms(clock, 1, 2);

        var message = await FailureOf(() => ticks.Should(clock).MatchMarbles("1-2|", TimeSpan.FromMilliseconds(50)));

        Assert.Equal(
            Lines(
                "Expected ticks to match the marbles \"1-2|\", but it produced \"1-(2|)\", which differs from frame 2 (00:00.100) on:",
                "  expected: 1-2|",
                "  actual:   1-(2|)",
                "              ^",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable",
                "  00:00.000  #1 MoveNextAsync -> 1",
                "  00:00.100  #1 MoveNextAsync -> 2",
                "  00:00.100  #1 MoveNextAsync -> completed",
                "  00:00.100  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task MatchMarbles_ExpectedGroupNeverClosed_SaysTheExpectedDiagramCannotBeDrawn()
    {
        var clock = new VirtualClock();
        var frame = TimeSpan.FromMilliseconds(10);

        var message = await FailureOf(() => FakeSequence.FromMarbles(clock, "a-c|", frame: frame).Should().MatchMarbles("a-(c", frame));

        Assert.StartsWith(
            Lines(
                "Expected FakeSequence.FromMarbles(clock, \"a-c|\", frame: frame) to match the marbles \"a-(c\", but it produced \"a-c|\", which differs from frame 2 (00:00.020) on:",
                "  expected: a-(c",
                "  actual:   a-c|",
                "              ^",
                "The expected diagram cannot be drawn from any enumeration, at position 3: '(' has no matching ')'."),
            message);
    }

    [Fact]
    public async Task MatchMarbles_ExpectedEventAfterCompletion_SaysTheExpectedDiagramCannotBeDrawn()
    {
        var clock = new VirtualClock();
        var frame = TimeSpan.FromMilliseconds(10);

        var message = await FailureOf(() => FakeSequence.FromMarbles(clock, "a-c|", frame: frame).Should().MatchMarbles("a-c|x", frame));

        Assert.Contains(
            Lines(
                "              ^",
                "The expected diagram cannot be drawn from any enumeration, at position 5: 'x' after completion '|', nothing can follow the end of a sequence."),
            message);
    }

    [Fact]
    public async Task MatchMarbles_ItemTextHoldsMarbleSymbols_ReportsOnlyTheDifference()
    {
        var clock = new VirtualClock();
        var frame = TimeSpan.FromMilliseconds(10);
        var boxes = FakeSequence.FromMarbles(clock, "-a-|", new Dictionary<char, string> { ['a'] = "box#(1)" }, frame: frame);

        var message = await FailureOf(() => boxes.Should().MatchMarbles("-box#(1)|", frame));

        Assert.Contains(Lines("  expected: -box#(1)|", "  actual:   -box#(1)-|", "                    ^", "Timeline (virtual time):"), message);
    }
}
