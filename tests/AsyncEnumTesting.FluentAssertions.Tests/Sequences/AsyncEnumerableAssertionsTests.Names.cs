using static AsyncEnumTesting.FluentAssertions.Tests.Sources;

namespace AsyncEnumTesting.FluentAssertions.Tests.Sequences;

/// <summary>Which name a failure gives the source: the subject expression, a named scope's name, and the name the test gave a fake or probe.</summary>
public sealed partial class AsyncEnumerableAssertionsTests
{
    [Fact]
    public async Task YieldInOrder_NamedFakesInANamedAssertionScope_EachFailureAddsItsFakesName()
    {
        var clock = new VirtualClock();
        var a = FakeSequence.FromMarbles(clock, "-a-b|", name: "first");
        var b = FakeSequence.FromMarbles(clock, "-x-y|", name: "second");

        var message = await FailureOf(async () =>
        {
            using var scope = new AssertionScope("feeds");
            await a.Should(clock).YieldInOrder('a', 'c');
            await b.Should(clock).YieldCount(3);
        });

        Assert.Equal(
            Lines(
                "Expected feeds (\"first\") to yield {'a', 'c'} in order, but item [1] was 'b'.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable",
                "  00:00.010  #1 MoveNextAsync -> 'a'",
                "  00:00.030  #1 MoveNextAsync -> 'b'      <- differs from 'c'",
                "  00:00.030  #1 DisposeAsync",
                "Expected feeds (\"second\") to yield 3 items and complete, but it completed after 2 items.",
                "Timeline (virtual time):",
                "  00:00.030  #1 GetAsyncEnumerator  token: cancellable",
                "  00:00.040  #1 MoveNextAsync -> 'x'",
                "  00:00.060  #1 MoveNextAsync -> 'y'",
                "  00:00.070  #1 MoveNextAsync -> completed      <- expected item [2]",
                "  00:00.070  #1 DisposeAsync",
                string.Empty),
            message);
    }

    [Fact]
    public async Task YieldInOrder_UnnamedFakeInANamedAssertionScope_KeepsTheScopeNameAlone()
    {
        var clock = new VirtualClock();
        var a = FakeSequence.FromMarbles(clock, "-a-b|");

        var message = await FailureOf(async () =>
        {
            using var scope = new AssertionScope("feeds");
            await a.Should(clock).YieldInOrder('a', 'c');
        });

        Assert.Equal(
            Lines(
                "Expected feeds to yield {'a', 'c'} in order, but item [1] was 'b'.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable",
                "  00:00.010  #1 MoveNextAsync -> 'a'",
                "  00:00.030  #1 MoveNextAsync -> 'b'      <- differs from 'c'",
                "  00:00.030  #1 DisposeAsync",
                string.Empty),
            message);
    }

    [Fact]
    public async Task YieldInOrder_NamedFakeWithoutAScope_NamesTheSubjectExpression()
    {
        var clock = new VirtualClock();
        var a = FakeSequence.FromMarbles(clock, "-a-b|", name: "first");

        var message = await FailureOf(() => a.Should(clock).YieldInOrder('a', 'c'));

        Assert.Equal(
            Lines(
                "Expected a to yield {'a', 'c'} in order, but item [1] was 'b'.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable",
                "  00:00.010  #1 MoveNextAsync -> 'a'",
                "  00:00.030  #1 MoveNextAsync -> 'b'      <- differs from 'c'",
                "  00:00.030  #1 DisposeAsync"),
            message);
    }
}
