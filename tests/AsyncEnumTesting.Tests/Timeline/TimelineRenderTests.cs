using AsyncEnumTesting.Tests.Probes;

namespace AsyncEnumTesting.Tests.Timelines;

public sealed class TimelineRenderTests
{
    [Fact]
    public async Task Render_HighlightedRow_MatchesDesignExampleWordForWord()
    {
        var timeline = await DesignTimeline();

        var text = timeline.Render(new TimelineRenderOptions { HighlightIndex = 6, HighlightNote = "differs from 3" });

        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.000  #1 MoveNextAsync -> 1
              00:00.100  #1 MoveNextAsync -> 2
              00:00.200  #1 MoveNextAsync -> 4      <- differs from 3
              00:00.200  #1 DisposeAsync
            """.ReplaceLineEndings(),
            text);
    }

    [Fact]
    public async Task Render_SeveralSources_ShowsSourceNamesAndMarks()
    {
        var (timeline, _, _) = await TimelineTests.TwoProbesAndAMark();

        var text = timeline.Render();

        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  left#1  GetAsyncEnumerator  token: none
              00:00.000  left#1  MoveNextAsync -> 1
              00:00.000  left#1  MoveNextAsync -> completed
              00:00.000  left#1  DisposeAsync
              00:00.000  test    mark "between"
              00:00.000  right#1 GetAsyncEnumerator  token: none
              00:00.000  right#1 MoveNextAsync -> 2
              00:00.000  right#1 MoveNextAsync -> completed
              00:00.000  right#1 DisposeAsync
            """.ReplaceLineEndings(),
            text);
    }

    [Fact]
    public async Task Render_InterleavedCallsFaultsTokenAndViolation_RowsForEach()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var source = new HandSource();
        using var cts = new CancellationTokenSource();
        var enumerator = source.Probe(timeline, "orders").GetAsyncEnumerator(cts.Token);
        var move = enumerator.MoveNextAsync();
        timeline.Mark("waiting");
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        source.Enumerators[0].Yield(1);
        await move;
        move = enumerator.MoveNextAsync();
        source.Enumerators[0].Fail(new InvalidOperationException("boom"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => move.AsTask());
        await cts.CancelAsync();
        await enumerator.DisposeAsync();
        await enumerator.DisposeAsync();

        var text = timeline.Render();

        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator      token: cancellable
              00:00.000  #1 MoveNextAsync started
              00:00.000     mark "waiting"
              00:01.000  #1 MoveNextAsync -> 1
              00:01.000  #1 MoveNextAsync -> threw  InvalidOperationException: boom
              00:01.000  #1 token canceled
              00:01.000  #1 DisposeAsync
              00:01.000  #1 VIOLATION               DisposeAsync was called again on enumeration #1 of probe "orders" (first called at 00:01.000). …
            """.ReplaceLineEndings(),
            text);
    }

    [Fact]
    public void Render_UnfoldedResultsAndDisposal_EachOnItsOwnRow()
    {
        var timeline = new Timeline(new VirtualClock());
        timeline.Append("fake", 1, TimelineEventKind.Yielded, "a");
        timeline.Append("fake", 1, TimelineEventKind.DisposeStarted);
        timeline.Append("fake", 2, TimelineEventKind.GetAsyncEnumerator);
        timeline.Append("fake", 1, TimelineEventKind.Disposed);
        timeline.Append("fake", 2, TimelineEventKind.Canceled);
        timeline.Append("fake", 2, TimelineEventKind.Faulted, new TimeoutException("slow"));

        var text = timeline.Render();

        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  #1 MoveNextAsync -> "a"
              00:00.000  #1 DisposeAsync started
              00:00.000  #2 GetAsyncEnumerator
              00:00.000  #1 DisposeAsync -> done
              00:00.000  #2 MoveNextAsync -> canceled
              00:00.000  #2 threw  TimeoutException: slow
            """.ReplaceLineEndings(),
            text);
    }

    [Fact]
    public void Render_DisposedWithError_ShowsWhatDisposeThrew()
    {
        var timeline = new Timeline(new VirtualClock());
        timeline.Append("fake", 1, TimelineEventKind.DisposeStarted);
        timeline.Append("fake", 1, TimelineEventKind.Disposed, new InvalidOperationException("leak"));
        timeline.Append("fake", 2, TimelineEventKind.Disposed, new InvalidOperationException("again"));

        var text = timeline.Render();

        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  #1 DisposeAsync -> threw  InvalidOperationException: leak
              00:00.000  #2 DisposeAsync -> threw  InvalidOperationException: again
            """.ReplaceLineEndings(),
            text);
    }

    [Fact]
    public void Render_DefaultValueFormat_ShowsTypes()
    {
        var timeline = new Timeline(new VirtualClock());
        object?[] values = [null, "text", 'c', 1.5, true, new DateOnly(2000, 1, 2)];
        foreach (var value in values)
        {
            timeline.Append("s", 1, TimelineEventKind.Yielded, value);
        }

        var text = timeline.Render();

        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  #1 MoveNextAsync -> null
              00:00.000  #1 MoveNextAsync -> "text"
              00:00.000  #1 MoveNextAsync -> 'c'
              00:00.000  #1 MoveNextAsync -> 1.5
              00:00.000  #1 MoveNextAsync -> true
              00:00.000  #1 MoveNextAsync -> 01/02/2000
            """.ReplaceLineEndings(),
            text);
    }

    [Fact]
    public async Task Render_CustomValueFormat_UsedForItems()
    {
        var timeline = new Timeline(new VirtualClock());
        await TestSources.Sync(1).Probe(timeline).ToListAsync();

        var text = timeline.Render(new TimelineRenderOptions { FormatValue = v => $"<{v}>" });

        Assert.Contains("#1 MoveNextAsync -> <1>" + Environment.NewLine, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoEvents_SaysSo()
    {
        Assert.Equal("Timeline (virtual time): no events", new Timeline(new VirtualClock()).Render());
        Assert.Equal("Timeline (real time): no events", new Timeline().Render());
    }

    [Fact]
    public async Task Render_HoursOfVirtualTime_WidensTimeColumn()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        timeline.Mark("start");
        await clock.AdvanceAsync(TimeSpan.FromHours(2));

        timeline.Mark("later");

        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000    mark "start"
              2:00:00.000  mark "later"
            """.ReplaceLineEndings(),
            timeline.Render());
    }

    [Fact]
    public async Task Render_LongTimelineWithoutHighlight_KeepsStartAndEnd()
    {
        var timeline = new Timeline(new VirtualClock());
        await Enumerable.Range(0, 30).ToAsyncEnumerable().Probe(timeline).ToListAsync();

        var text = timeline.Render(new TimelineRenderOptions { MaxRows = 8 });

        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: none
              00:00.000  #1 MoveNextAsync -> 0
              00:00.000  #1 MoveNextAsync -> 1
              ... 52 events left out ...
              00:00.000  #1 MoveNextAsync -> 28
              00:00.000  #1 MoveNextAsync -> 29
              00:00.000  #1 MoveNextAsync -> completed
              00:00.000  #1 DisposeAsync
            """.ReplaceLineEndings(),
            text);
    }

    [Fact]
    public async Task Render_LongTimelineWithHighlight_KeepsWindowAroundIt()
    {
        var timeline = new Timeline(new VirtualClock());
        await Enumerable.Range(0, 30).ToAsyncEnumerable().Probe(timeline).ToListAsync();
        var index = timeline.IndexOf(e => e.Kind == TimelineEventKind.Yielded && (int)e.Value! == 14);

        var text = timeline.Render(new TimelineRenderOptions { MaxRows = 8, HighlightIndex = index, HighlightNote = "this one" });

        Assert.Equal(
            """
            Timeline (virtual time):
              ... 23 earlier events left out ...
              00:00.000  #1 MoveNextAsync -> 11
              00:00.000  #1 MoveNextAsync -> 12
              00:00.000  #1 MoveNextAsync -> 13
              00:00.000  #1 MoveNextAsync -> 14      <- this one
              00:00.000  #1 MoveNextAsync -> 15
              00:00.000  #1 MoveNextAsync -> 16
              ... 30 later events left out ...
            """.ReplaceLineEndings(),
            text);
    }

    [Fact]
    public async Task Render_HighlightNearTheEnd_WindowEndsWithTimeline()
    {
        var timeline = new Timeline(new VirtualClock());
        await Enumerable.Range(0, 30).ToAsyncEnumerable().Probe(timeline).ToListAsync();

        var text = timeline.Render(new TimelineRenderOptions { MaxRows = 5, HighlightIndex = timeline.Count - 1 });

        Assert.Equal(
            """
            Timeline (virtual time):
              ... 59 earlier events left out ...
              00:00.000  #1 MoveNextAsync -> 29
              00:00.000  #1 MoveNextAsync -> completed
              00:00.000  #1 DisposeAsync      <- here
            """.ReplaceLineEndings(),
            text);
    }

    [Fact]
    public async Task RenderMarbles_TimedEnumerations_OneLinePerEnumeration()
    {
        var timeline = await DesignTimeline();
        var clock = timeline.VirtualClock!;
        await clock.AdvanceAsync(TimeSpan.FromMilliseconds(100));
        var slow = TestSources.Timed(clock, TimeSpan.FromMilliseconds(200), 2).Probe(timeline, "slow").ToListAsync();
        await clock.AdvanceAsync(TimeSpan.FromMilliseconds(400));
        await slow;

        var marbles = timeline.RenderMarbles(TimeSpan.FromMilliseconds(100));

        Assert.Equal(
            """
            source#1  12(4!)
            slow#1       --1-(2|)
            """.ReplaceLineEndings(),
            marbles);
    }

    [Fact]
    public async Task RenderMarbles_FaultAndCancel_UseHashAndX()
    {
        var timeline = new Timeline(new VirtualClock());
        await Assert.ThrowsAsync<InvalidOperationException>(() => TestSources.Failing(new InvalidOperationException(), 1).Probe(timeline, "f").ToListAsync().AsTask());
        timeline.Append("c", 1, TimelineEventKind.Canceled);

        var marbles = timeline.RenderMarbles(TimeSpan.FromSeconds(1), v => "a");

        Assert.Equal("f#1  (a#)" + Environment.NewLine + "c#1  x", marbles);
    }

    [Fact]
    public void RenderMarbles_ZeroFrame_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Timeline().RenderMarbles(TimeSpan.Zero));
    }

    internal static async Task<Timeline> DesignTimeline() => await VirtualTime.RunAsync(async clock =>
    {
        var timeline = new Timeline(clock);
        using var cts = new CancellationTokenSource();
        await Design(clock).Probe(timeline).Take(3).ToListAsync(cts.Token);
        return timeline;
    });

    private static async IAsyncEnumerable<int> Design(TimeProvider clock)
    {
        yield return 1;
        await Task.Delay(TimeSpan.FromMilliseconds(100), clock);
        yield return 2;
        await Task.Delay(TimeSpan.FromMilliseconds(100), clock);
        yield return 4;
        await Task.Delay(TimeSpan.FromMilliseconds(100), clock);
        yield return 5;
    }
}
