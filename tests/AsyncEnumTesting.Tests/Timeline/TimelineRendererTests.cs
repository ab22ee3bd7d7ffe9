namespace AsyncEnumTesting.Tests.Timelines;

public sealed class TimelineRendererTests
{
    [Fact]
    public async Task Render_AllEventsOfATimeline_SameAsTimelineRender()
    {
        var timeline = await TimelineRenderTests.DesignTimeline();
        var options = new TimelineRenderOptions { HighlightIndex = 6, HighlightNote = "differs from 3" };

        Assert.Equal(timeline.Render(options), TimelineRenderer.Render(timeline.Events, isVirtual: true, options));
    }

    [Fact]
    public async Task Render_OneSourceOfSeveral_OmitsSourceNames()
    {
        var (timeline, _, _) = await TimelineTests.TwoProbesAndAMark();

        var text = TimelineRenderer.Render(timeline.EventsOf("left"), isVirtual: true);

        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: none
              00:00.000  #1 MoveNextAsync -> 1
              00:00.000  #1 MoveNextAsync -> completed
              00:00.000  #1 DisposeAsync
            """.ReplaceLineEndings(),
            text);
    }

    [Fact]
    public void Render_NoEventsOnRealTime_SaysSo()
    {
        Assert.Equal("Timeline (real time): no events", TimelineRenderer.Render([], isVirtual: false));
    }

    [Fact]
    public async Task Render_Notes_FollowTheHighlightOnTheirRows()
    {
        var timeline = await TimelineRenderTests.DesignTimeline();

        var text = TimelineRenderer.Render(
            timeline.Events,
            isVirtual: true,
            new TimelineRenderOptions { HighlightIndex = 6, HighlightNote = "differs from 3", Notes = new Dictionary<int, string> { [2] = "first", [6] = "third" } });

        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.000  #1 MoveNextAsync -> 1      <- first
              00:00.100  #1 MoveNextAsync -> 2
              00:00.200  #1 MoveNextAsync -> 4      <- differs from 3; third
              00:00.200  #1 DisposeAsync
            """.ReplaceLineEndings(),
            text);
    }

    [Fact]
    public void Render_NullEvents_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TimelineRenderer.Render(null!, isVirtual: true));
    }

    [Fact]
    public async Task Describe_EventInAFoldedRow_NamesTheRowAndItsTime()
    {
        var timeline = await TimelineRenderTests.DesignTimeline();

        Assert.Equal("#1 MoveNextAsync -> 4 at 00:00.200", TimelineRenderer.Describe(timeline.Events, 6));
    }

    [Fact]
    public async Task Describe_SeveralSources_NamesTheSource()
    {
        var (timeline, _, _) = await TimelineTests.TwoProbesAndAMark();
        var events = timeline.Events;
        var index = timeline.IndexOf(e => e.Source == "right" && e.Kind == TimelineEventKind.Yielded);

        Assert.Equal("right#1 MoveNextAsync -> \"2\" at 00:00.000", TimelineRenderer.Describe(events, index, v => "\"" + v + "\""));
    }

    [Fact]
    public async Task Describe_IndexOutsideTheEvents_Throws()
    {
        var (timeline, _, _) = await TimelineTests.TwoProbesAndAMark();
        var events = timeline.Events;

        Assert.Throws<ArgumentOutOfRangeException>(() => TimelineRenderer.Describe(events, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimelineRenderer.Describe(events, events.Count));
    }

    [Fact]
    public async Task RenderMarbles_OneEnumeration_LabelAndLine()
    {
        var timeline = await TimelineRenderTests.DesignTimeline();

        Assert.Equal(timeline.RenderMarbles(TimeSpan.FromMilliseconds(100)), TimelineRenderer.RenderMarbles(timeline.Events, TimeSpan.FromMilliseconds(100)));
        Assert.Equal("source#1  12(4!)", TimelineRenderer.RenderMarbles(timeline.Events, TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void RenderMarbles_ZeroFrame_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimelineRenderer.RenderMarbles([], TimeSpan.Zero));
    }
}
