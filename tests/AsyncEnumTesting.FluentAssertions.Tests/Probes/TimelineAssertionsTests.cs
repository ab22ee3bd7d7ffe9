using Xunit.Sdk;
using static AsyncEnumTesting.FluentAssertions.Tests.Sources;

namespace AsyncEnumTesting.FluentAssertions.Tests.Probes;

public sealed class TimelineAssertionsTests
{
    private static string FailureOf(Action assertion, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var message = RealTimes(Assert.Throws<XunitException>(assertion).Message);
        if (Environment.GetEnvironmentVariable("AET_DUMP") is { } dump)
        {
            File.AppendAllText(dump, "=== " + test + "\n" + message + "\n");
        }

        return message;
    }

    private static async Task<Timeline> InnerThenSaveAsync(bool saveFirst)
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var inner = Every100Ms(clock, 1, 2).Probe(timeline, "inner");
        if (saveFirst)
        {
            timeline.Mark("saved");
        }

        await inner.Should().Enumerating.YieldInOrder(1, 2);
        if (!saveFirst)
        {
            timeline.Mark("saved");
        }

        return timeline;
    }

    [Fact]
    public async Task HaveInOrder_DisposedBeforeMark_Passes()
    {
        var timeline = await InnerThenSaveAsync(saveFirst: false);

        timeline.Should().HaveInOrder(
            e => e.Source == "inner" && e.Kind == TimelineEventKind.Disposed,
            e => e.Kind == TimelineEventKind.Mark);
    }

    [Fact]
    public async Task HaveInOrder_NoCondition_ThrowsSayingItWouldCheckNothing()
    {
        var timeline = await InnerThenSaveAsync(saveFirst: false);

        var ex = Assert.Throws<ArgumentException>(() => timeline.Should().HaveInOrder());
        var nullCondition = Assert.Throws<ArgumentException>(() => timeline.Should().HaveInOrder(e => e.Kind == TimelineEventKind.Mark, null!));

        Assert.Equal("HaveInOrder needs at least one condition, one per expected event in order: with none it would check nothing. (Parameter 'events')", ex.Message);
        Assert.Equal("Condition [1] is null: give one condition per expected event. (Parameter 'events')", nullCondition.Message);
    }

    [Fact]
    public async Task HaveInOrder_WrongOrder_FailsPointingAtTheEarlierEvent()
    {
        var timeline = await InnerThenSaveAsync(saveFirst: true);

        var message = FailureOf(() => timeline.Should().HaveInOrder(
            e => e.Source == "inner" && e.Kind == TimelineEventKind.Disposed,
            e => e.Kind == TimelineEventKind.Mark));

        Assert.Equal(
            Lines(
                "Expected timeline to have 2 events in order, but condition [1] matched only mark \"saved\" at 00:00.000, which came before the event condition [0] matched " +
                "(#1 DisposeAsync at 00:00.100): these happened in the other order.",
                "Timeline (virtual time):",
                "  00:00.000     mark \"saved\"      <- [1] matched here, before [0]",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable",
                "  00:00.000  #1 MoveNextAsync -> 1",
                "  00:00.100  #1 MoveNextAsync -> 2",
                "  00:00.100  #1 MoveNextAsync -> completed",
                "  00:00.100  #1 DisposeAsync      <- [0] matched here"),
            message);
    }

    [Fact]
    public async Task HaveInOrder_NoEventAfterTheFirst_FailsNamingWhatMatched()
    {
        var timeline = await InnerThenSaveAsync(saveFirst: false);

        var message = FailureOf(() => timeline.Should().HaveInOrder(
            e => e.Kind == TimelineEventKind.Yielded,
            e => e.Kind == TimelineEventKind.Canceled));

        Assert.Equal(
            Lines(
                "Expected timeline to have 2 events in order, but no event matched condition [1] after the event condition [0] matched (#1 MoveNextAsync -> 1 at 00:00.000), nor anywhere else.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable",
                "  00:00.000  #1 MoveNextAsync -> 1      <- [0] matched here",
                "  00:00.100  #1 MoveNextAsync -> 2",
                "  00:00.100  #1 MoveNextAsync -> completed",
                "  00:00.100  #1 DisposeAsync",
                "  00:00.100     mark \"saved\""),
            message);
    }

    [Fact]
    public async Task Equal_CollectionItems_CompareElementByElement()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var batches = Of<List<int>>([1, 2]).Probe(timeline, "batches");
        await batches.Should().Enumerating.StartWith([[1, 2]]);

        timeline.Should().Equal(new ExpectedTimeline("batches").GetAsyncEnumerator(cancellableToken: true).MoveNextYielding(new List<int> { 1, 2 }).DisposeAsyncFinishing());
        batches.Should().HaveYieldedAt([1, 2], TimeSpan.Zero);
    }

    [Fact]
    public async Task Equal_WholeLog_PassesAndShowsBothColumnsOnDifference()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var ticks = Every100Ms(clock, 1, 2).Probe(timeline, "ticks");
        await ticks.Should().Enumerating.StartWith(1);
        var expected = new ExpectedTimeline("ticks").GetAsyncEnumerator(cancellableToken: true).MoveNextYielding(1).DisposeAsyncFinishing();
        var wrong = new ExpectedTimeline("ticks").GetAsyncEnumerator(cancellableToken: true).MoveNextYielding(2).DisposeAsyncFinishing();

        timeline.Should().Equal(expected);
        var message = FailureOf(() => timeline.Should().Equal(wrong));

        Assert.StartsWith(
            Lines(
                "Expected timeline to equal the expected 5 events, but event [2] differs:",
                "       expected                                   actual",
                "  [0]  00:00.000 ticks#1 GetAsyncEnumerator True  00:00.000 ticks#1 GetAsyncEnumerator True",
                "  [1]  00:00.000 ticks#1 MoveNextStarted          00:00.000 ticks#1 MoveNextStarted",
                "  [2]  00:00.000 ticks#1 Yielded 2                00:00.000 ticks#1 Yielded 1      <- first difference"),
            message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatchMarbles_TwoSources_ComparesAllLines()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var frame = TimeSpan.FromMilliseconds(100);
        await Every100Ms(clock, 1, 2).Probe(timeline, "a").Should().Enumerating.Complete();

        timeline.Should().MatchMarbles("a#1  1(2|)", frame);
        var message = FailureOf(() => timeline.Should().MatchMarbles("a#1  12|", frame));

        Assert.StartsWith(
            Lines(
                "Expected timeline to match the marbles, but it produced \"a#1  1(2|)\", which differs at character 6 on:",
                "  expected: a#1  12|",
                "  actual:   a#1  1(2|)",
                "                  ^",
                "Timeline (virtual time):"),
            message,
            StringComparison.Ordinal);
    }
}
