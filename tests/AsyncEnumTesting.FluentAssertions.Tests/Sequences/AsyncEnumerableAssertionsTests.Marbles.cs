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
}
