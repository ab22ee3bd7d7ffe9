using AsyncEnumTesting.Testing;

namespace AsyncEnumTesting.Tests.Time;

public sealed class VirtualClockReportingTests
{
    [Fact]
    public void RenderTimelines_NoTimelineMadeWithTheClock_ReturnsNull()
    {
        var clock = new VirtualClock();
        _ = new Timeline(new VirtualClock());

        Assert.Null(clock.RenderTimelines());
    }

    [Fact]
    public async Task RenderTimelines_TwoTimelines_RendersBothInCreationOrderWordForWord()
    {
        var clock = new VirtualClock();
        var first = new Timeline(clock);
        var second = new Timeline(clock);
        first.Mark("first");
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        second.Mark("second");

        var report = clock.RenderTimelines();

        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  mark "first"
            Timeline (virtual time):
              00:01.000  mark "second"
            """.ReplaceLineEndings(),
            report);
    }

    [Fact]
    public async Task RenderTimelines_ProbeTheTestNamed_HeaderSaysWhoseTimelineItIs()
    {
        var clock = new VirtualClock();
        var polls = FakeSequence.FromMarbles(clock, "-a|", frame: TimeSpan.FromSeconds(5)).Probe(new Timeline(clock), "polls");
        await VirtualTime.RunAsync(clock, async _ => await polls.CountAsync());

        var report = clock.RenderTimelines("Expected 00:15.000, but found 00:10.000.");

        Assert.Equal(
            """
            Timeline of "polls" (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: none
              00:05.000  #1 MoveNextAsync -> 'a'
              00:10.000  #1 MoveNextAsync -> completed
              00:10.000  #1 DisposeAsync
            """.ReplaceLineEndings(),
            report);
    }

    [Fact]
    public void RenderTimelines_SourcesNamedAndUnnamed_HeaderNamesTheNamedOnesInCreationOrder()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        _ = FakeSequence.Script<int>(clock, "left", timeline);
        _ = FakeSequence.Script<int>(clock, timeline: timeline);
        _ = AsyncEnumerable.Empty<int>().Probe(timeline, "right");
        _ = AsyncEnumerable.Empty<int>().Probe(timeline);
        _ = AsyncEnumerable.Empty<int>().Probe(timeline, "merged");

        Assert.Equal("Timeline of \"left\", \"right\" and \"merged\" (virtual time): no events", clock.RenderTimelines());
    }

    [Fact]
    public void RenderTimelines_OnlyDefaultNames_KeepsThePlainHeader()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        _ = FakeSequence.Script<int>(clock, timeline: timeline);
        _ = AsyncEnumerable.Empty<int>().Probe(timeline);

        Assert.Equal("Timeline (virtual time): no events", clock.RenderTimelines());
    }

    [Fact]
    public async Task RenderTimelines_ReaderOverANamedFakeAndAnotherTimeline_EachHeaderSaysWhoseItIs()
    {
        var clock = new VirtualClock();
        var ticks = FakeSequence.FromMarbles(clock, "-a-b|", frame: TimeSpan.FromSeconds(1)).Probe(new Timeline(clock), "ticks");
        await VirtualTime.RunAsync(clock, async _ =>
        {
            await using (var reader = FakeSequence.FromMarbles(clock, "-x|", frame: TimeSpan.FromSeconds(1), name: "orders").OpenReader(clock))
            {
                await reader.AwaitItemAsync();
                await reader.AwaitCompletionAsync();
            }

            await ticks.CountAsync();
        });

        Assert.Equal(
            """
            Timeline of "ticks" (virtual time):
              00:02.000  #1 GetAsyncEnumerator  token: none
              00:03.000  #1 MoveNextAsync -> 'a'
              00:05.000  #1 MoveNextAsync -> 'b'
              00:06.000  #1 MoveNextAsync -> completed
              00:06.000  #1 DisposeAsync
            Timeline of "orders" (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:01.000  #1 MoveNextAsync -> 'x'
              00:02.000  #1 MoveNextAsync -> completed
              00:02.000  #1 DisposeAsync
            """.ReplaceLineEndings(),
            clock.RenderTimelines("Expected 3 ticks, but found 2."));
    }

    [Fact]
    public async Task RenderTimelines_ReaderFailureShowsOneOfTwoTimelines_RendersOnlyTheOther()
    {
        var clock = new VirtualClock();
        var failure = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => VirtualTime.RunAsync(clock, ShipmentsBody.RunAsync));

        var report = clock.RenderTimelines(failure.Message);

        Assert.Equal(ShipmentsBody.Failure, failure.Message);
        Assert.Equal(ShipmentsBody.OrdersTimeline, report);
    }

    [Fact]
    public async Task RenderTimelines_TableWithNotesItsOwnItemsAndRowsLeftOut_RendersNothing()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var letters = FakeSequence.FromMarbles(clock, "-a-b-c-d-e-f|", frame: TimeSpan.FromSeconds(1)).Probe(timeline, "letters");
        await VirtualTime.RunAsync(clock, async _ => await letters.CountAsync());

        var table = TimelineRenderer.Render(
            timeline.Events,
            isVirtual: true,
            new TimelineRenderOptions { FormatValue = item => $"<{item}>", HighlightIndex = 4, HighlightNote = "differs from <x>", MaxRows = 5 });
        var message = "Expected letters to yield <x> second, but it yielded <b>." + Environment.NewLine + table;

        var report = clock.RenderTimelines(message);

        Assert.Equal(
            """
            Timeline (virtual time):
              ... 1 earlier event left out ...
              00:01.000  #1 MoveNextAsync -> <a>
              00:03.000  #1 MoveNextAsync -> <b>      <- differs from <x>
              00:05.000  #1 MoveNextAsync -> <c>
              ... 10 later events left out ...
            """.ReplaceLineEndings(),
            table);
        Assert.Null(report);
    }

    [Fact]
    public async Task RenderTimelines_TableWrittenWhileACallWasPending_RendersNothing()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        await using var letters = FakeSequence.FromMarbles(clock, "-a|", frame: TimeSpan.FromSeconds(1)).Probe(timeline, "letters").GetAsyncEnumerator();
        var pending = letters.MoveNextAsync();
        var message = "Expected letters to yield an item at once, but it did not." + Environment.NewLine + timeline.Render();
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        await pending;

        var report = clock.RenderTimelines(message);

        Assert.Contains("#1 MoveNextAsync started", message, StringComparison.Ordinal);
        Assert.Null(report);
    }

    [Fact]
    public async Task RenderTimelines_TableOfOtherRows_RendersTheTimeline()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        timeline.Mark("order placed");
        var otherClock = new VirtualClock();
        var other = new Timeline(otherClock);
        await otherClock.AdvanceAsync(TimeSpan.FromSeconds(1));
        other.Mark("order placed");
        var message = "Expected an order, but none came." + Environment.NewLine + other.Render();

        var report = clock.RenderTimelines(message);

        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  mark "order placed"
            """.ReplaceLineEndings(),
            report);
    }

    [Fact]
    public void RenderTimelines_NoEventsTableOfTheEmptyTimeline_RendersOnlyTheOther()
    {
        var clock = new VirtualClock();
        _ = new Timeline(clock);
        new Timeline(clock).Mark("checked");
        var message = "Expected a shipment, but none came." + Environment.NewLine + "Timeline (virtual time): no events";

        var report = clock.RenderTimelines(message);

        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  mark "checked"
            """.ReplaceLineEndings(),
            report);
    }

    [Fact]
    public void RenderTimelines_MessageWithoutATable_RendersEveryTimeline()
    {
        var clock = new VirtualClock();
        new Timeline(clock).Mark("checked");

        Assert.Equal(clock.RenderTimelines(), clock.RenderTimelines("the order was never shipped"));
    }
}
