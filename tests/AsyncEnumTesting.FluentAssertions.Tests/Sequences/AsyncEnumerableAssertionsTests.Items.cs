using static AsyncEnumTesting.FluentAssertions.Tests.Sources;

namespace AsyncEnumTesting.FluentAssertions.Tests.Sequences;

public sealed partial class AsyncEnumerableAssertionsTests
{
    [Fact]
    public async Task YieldInOrder_MissingItem_FailsAtCompletion()
    {
        var numbers = Of(1, 2);

        var message = await FailureOf(() => numbers.Should().YieldInOrder(1, 2, 3));

        Assert.Equal(
            Lines(
                "Expected numbers to yield {1, 2, 3} in order, but it completed after 2 items.",
                "Timeline (real time):",
                "  --:--.---  #1 GetAsyncEnumerator  token: cancellable",
                "  --:--.---  #1 MoveNextAsync -> 1",
                "  --:--.---  #1 MoveNextAsync -> 2",
                "  --:--.---  #1 MoveNextAsync -> completed      <- expected 3",
                "  --:--.---  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task YieldInOrder_ExtraItem_FailsWithoutReadingFurther()
    {
        var clock = new VirtualClock();
        var ticks = Poll(clock, 1000);

        var message = await FailureOf(() => ticks.Should(clock).YieldInOrder(1, 2));

        Assert.Equal(
            Lines(
                "Expected ticks to yield {1, 2} in order, but it yielded a further item: item [2] was 3.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable",
                "  00:01.000  #1 MoveNextAsync -> 1",
                "  00:02.000  #1 MoveNextAsync -> 2",
                "  00:03.000  #1 MoveNextAsync -> 3      <- expected completion",
                "  00:03.000  #1 DisposeAsync"),
            message);
        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public async Task YieldInOrder_CharBatches_QuotesTheExpectedLikeTheActual()
    {
        var batches = Of<char[]>(new[] { 'a', 'a' });

        var message = await FailureOf(() => batches.Should().YieldInOrder(new[] { 'a', 'b' }));

        Assert.Equal(
            Lines(
                "Expected batches to yield {{'a', 'b'}} in order, but item [0] was {'a', 'a'}.",
                "Timeline (real time):",
                "  --:--.---  #1 GetAsyncEnumerator  token: cancellable",
                "  --:--.---  #1 MoveNextAsync -> {'a', 'a'}      <- differs from {'a', 'b'}",
                "  --:--.---  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task YieldInOrder_FailureOnAVirtualClock_ClockReportLeavesOutTheTimelineTheMessageShows()
    {
        // The framework attributes write clock.RenderTimelines(message) to the output: the assertion's own timeline, in the
        // message with its notes and FluentAssertions' way of writing items, is not written twice.
        var clock = new VirtualClock();
        var batches = FakeSequence.FromMarbles(clock, "-a-b|", c => new[] { c, c }, frame: TimeSpan.FromSeconds(1));

        var message = await FailureOf(() => batches.Should(clock).YieldInOrder(new[] { 'a', 'a' }, new[] { 'b', 'c' }));

        Assert.Equal(
            Lines(
                "Expected batches to yield {{'a', 'a'}, {'b', 'c'}} in order, but item [1] was {'b', 'b'}.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable",
                "  00:01.000  #1 MoveNextAsync -> {'a', 'a'}",
                "  00:03.000  #1 MoveNextAsync -> {'b', 'b'}      <- differs from {'b', 'c'}",
                "  00:03.000  #1 DisposeAsync"),
            message);
        Assert.NotNull(clock.RenderTimelines());
        Assert.Null(clock.RenderTimelines(message));
    }

    [Fact]
    public async Task YieldInOrder_StringItems_KeepsFluentAssertionsQuotes()
    {
        var message = await FailureOf(() => Of("ab").Should().YieldInOrder("ac"));

        Assert.StartsWith("Expected Of(\"ab\") to yield {\"ac\"} in order, but item [0] was \"ab\".", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task YieldInOrder_Because_AppearsInMessage()
    {
        var message = await FailureOf(() => Of(1).Should().YieldInOrder([2], "the {0} page comes first", "newest"));

        Assert.StartsWith("Expected Of(1) to yield {2} in order because the newest page comes first, but item [0] was 1.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task YieldInOrder_Comparer_UsesIt()
    {
        await Of("A", "b").Should().YieldInOrder(["a", "B"], StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task YieldInOrder_StringItems_AreQuotedAndBracesKept()
    {
        var message = await FailureOf(() => Of("{x}").Should().YieldInOrder("{y}"));

        Assert.Equal(
            Lines(
                "Expected Of(\"{x}\") to yield {\"{y}\"} in order, but item [0] was \"{x}\".",
                "Timeline (real time):",
                "  --:--.---  #1 GetAsyncEnumerator  token: cancellable",
                "  --:--.---  #1 MoveNextAsync -> \"{x}\"      <- differs from \"{y}\"",
                "  --:--.---  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task YieldInOrder_InsideAssertionScope_CollectsBothFailures()
    {
        var first = Of(1);
        var second = Of(2);

        var ex = Assert.Throws<Xunit.Sdk.XunitException>(() =>
        {
            using var scope = new AssertionScope();
            first.Should().YieldInOrder(9).GetAwaiter().GetResult();
            second.Should().BeEmpty().GetAwaiter().GetResult();
        });

        Assert.Equal(
            Lines(
                "Expected first to yield {9} in order, but item [0] was 1.",
                "Timeline (real time):",
                "  --:--.---  #1 GetAsyncEnumerator  token: cancellable",
                "  --:--.---  #1 MoveNextAsync -> 1      <- differs from 9",
                "  --:--.---  #1 DisposeAsync",
                "Expected second to complete without yielding any item, but it yielded an item: item [0] was 2.",
                "Timeline (real time):",
                "  --:--.---  #1 GetAsyncEnumerator  token: cancellable",
                "  --:--.---  #1 MoveNextAsync -> 2      <- expected completion",
                "  --:--.---  #1 DisposeAsync",
                string.Empty),
            RealTimes(ex.Message));
    }

    [Fact]
    public async Task YieldInOrder_AwaitedInsideAssertionScope_CollectsBothFailures()
    {
        var first = Of(1);
        var second = Of(2);
        var scope = new AssertionScope();

        await first.Should().YieldInOrder(9);
        await second.Should().YieldInOrder(8);

        var failures = scope.Discard();
        scope.Dispose();
        Assert.Equal(2, failures.Length);
        Assert.StartsWith("Expected first to yield {9} in order, but item [0] was 1.", failures[0], StringComparison.Ordinal);
        Assert.StartsWith("Expected second to yield {8} in order, but item [0] was 2.", failures[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task YieldInOrder_NamedAssertionScope_KeepsTheScopeName()
    {
        var message = await FailureOf(async () =>
        {
            using var scope = new AssertionScope("orders");
            await Of(1).Should().YieldInOrder(2);
        });

        Assert.StartsWith("Expected orders to yield {2} in order, but item [0] was 1.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartWith_FirstItemsOfEndlessSource_PassesAndDisposes()
    {
        var clock = new VirtualClock();

        await Poll(clock, 5000).Should(clock).StartWith(1, 2, 3);

        Assert.Equal(TimeSpan.FromSeconds(15), clock.Elapsed);
        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public async Task StartWith_DifferentItem_Fails()
    {
        var message = await FailureOf(() => Of(1, 5, 3).Should().StartWith(1, 2));

        Assert.Equal(
            Lines(
                "Expected Of(1, 5, 3) to start with {1, 2}, but item [1] was 5.",
                "Timeline (real time):",
                "  --:--.---  #1 GetAsyncEnumerator  token: cancellable",
                "  --:--.---  #1 MoveNextAsync -> 1",
                "  --:--.---  #1 MoveNextAsync -> 5      <- differs from 2",
                "  --:--.---  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task ContainInOrder_WithGaps_Passes()
    {
        await Of(1, 2, 3, 4, 5).Should().ContainInOrder(2, 4);
    }

    [Fact]
    public async Task ContainInOrder_OutOfOrder_Fails()
    {
        var message = await FailureOf(() => Of(4, 2).Should().ContainInOrder(2, 4));

        Assert.Equal(
            Lines(
                "Expected Of(4, 2) to yield {2, 4} in order, other items allowed in between, but it completed after 2 items, and item [1] of the expected ones (4) never came.",
                "Timeline (real time):",
                "  --:--.---  #1 GetAsyncEnumerator  token: cancellable",
                "  --:--.---  #1 MoveNextAsync -> 4",
                "  --:--.---  #1 MoveNextAsync -> 2",
                "  --:--.---  #1 MoveNextAsync -> completed      <- expected 4",
                "  --:--.---  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task YieldCount_ExactCount_Passes()
    {
        await Of('a', 'b', 'c').Should().YieldCount(3);
    }

    [Fact]
    public async Task YieldCount_TooMany_FailsAtTheExtraItem()
    {
        var message = await FailureOf(() => Of(1, 2, 3).Should().YieldCount(2));

        Assert.Equal(
            Lines(
                "Expected Of(1, 2, 3) to yield 2 items and complete, but it yielded more: item [2] was 3.",
                "Timeline (real time):",
                "  --:--.---  #1 GetAsyncEnumerator  token: cancellable",
                "  --:--.---  #1 MoveNextAsync -> 1",
                "  --:--.---  #1 MoveNextAsync -> 2",
                "  --:--.---  #1 MoveNextAsync -> 3      <- expected completion",
                "  --:--.---  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task YieldCount_TooFew_Fails()
    {
        var message = await FailureOf(() => Of(1).Should().YieldCount(2));

        Assert.StartsWith("Expected Of(1) to yield 2 items and complete, but it completed after 1 item.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeEmpty_NoItems_Passes()
    {
        await Of<int>().Should().BeEmpty();
    }

    [Fact]
    public async Task YieldInOrder_LongStream_ShortensTheTimelineAroundTheDifference()
    {
        var clock = new VirtualClock();
        var actual = Enumerable.Range(1, 100).ToArray();
        var expected = actual.Select(n => n == 80 ? -1 : n).ToArray();

        var message = await FailureOf(() => Every100Ms(clock, actual).Should(clock).YieldInOrder(expected));

        var lines = message.Split(Environment.NewLine);
        Assert.Equal(
            "Expected Every100Ms(clock, actual) to yield {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, …68 more…} in order, but item [79] was 80.",
            lines[0]);
        Assert.Equal(41, lines.Length);
        Assert.Equal("  ... 87 earlier events left out ...", lines[2]);
        Assert.Contains("  00:07.900  #1 MoveNextAsync -> 80      <- differs from -1", lines);
        Assert.Equal("  00:07.900  #1 DisposeAsync", lines[^1]);
    }
}
