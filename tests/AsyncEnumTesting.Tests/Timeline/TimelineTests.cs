using AsyncEnumTesting.Tests.Probes;

namespace AsyncEnumTesting.Tests.Timelines;

public sealed class TimelineTests
{
    [Fact]
    public void Constructor_NoClock_StampsRealElapsedTime()
    {
        var timeline = new Timeline();

        Assert.Same(TimeProvider.System, timeline.Clock);
        Assert.True(timeline.Now >= TimeSpan.Zero);
        Assert.Equal(0, timeline.Count);
        Assert.Empty(timeline.Events);
    }

    [Fact]
    public void Now_OtherTimeProvider_ElapsedSinceCreationInItsTimestamps()
    {
        var clock = new MillisecondProvider { Timestamp = 5_000 };
        var timeline = new Timeline(clock);

        clock.Timestamp = 7_500;
        timeline.Mark("later");

        Assert.Equal(TimeSpan.FromMilliseconds(2_500), timeline.Now);
        Assert.Equal(TimeSpan.FromMilliseconds(2_500), timeline.Events[0].Time);
        Assert.Equal("Timeline (real time):", timeline.Render().Split(Environment.NewLine)[0]);
    }

    [Fact]
    public void Events_RealTime_NeverGoBackwards()
    {
        var timeline = new Timeline();

        for (var i = 0; i < 100; i++)
        {
            timeline.Mark("m" + i);
        }

        var times = timeline.Events.Select(e => e.Time).ToList();
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public async Task Now_VirtualClock_IsClockElapsed()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), timeline.Now);
    }

    [Fact]
    public async Task Mark_Label_AppendsTestMarkAtNow()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));

        timeline.Mark("db write");

        Assert.Equal([new TimelineEvent(TimeSpan.FromSeconds(1), "test", 0, TimelineEventKind.Mark, "db write")], timeline.Events);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Mark_BlankLabel_Throws(string label)
    {
        var timeline = new Timeline();

        Assert.Throws<ArgumentException>(() => timeline.Mark(label));
    }

    [Fact]
    public void Append_EightThreadsAtOnce_LosesNothingAndKeepsEachThreadsOrder()
    {
        const int threads = 8;
        const int perThread = 20_000;
        var timeline = new Timeline(new VirtualClock());
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var stream = timeline.RegisterStream("thread" + t, 1);
            start.SignalAndWait();
            for (var i = 0; i < perThread; i++)
            {
                if (i % 1000 == 0)
                {
                    timeline.Append("thread" + t, 1, TimelineEventKind.Yielded, i);
                }
                else
                {
                    timeline.Append(stream, TimelineEventKind.Yielded, i);
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        var events = timeline.Events;
        Assert.Equal(threads * perThread, timeline.Count);
        Assert.Equal(threads * perThread, events.Count);
        for (var t = 0; t < threads; t++)
        {
            var source = "thread" + t;
            Assert.Equal(Enumerable.Range(0, perThread), events.Where(e => e.Source == source).Select(e => (int)e.Value!));
        }
    }

    [Fact]
    public async Task Append_EightProbesOnEightThreads_RecordsEveryEvent()
    {
        var timeline = new Timeline();
        var probes = Enumerable.Range(1, 8).Select(i => Enumerable.Range(0, 2_000).ToAsyncEnumerable().Probe(timeline, "p" + i)).ToList();

        await Task.WhenAll(probes.Select(p => Task.Run(async () => await p.ToListAsync())));

        Assert.Equal(8 * ((2 * 2_000) + 5), timeline.Count);
        Assert.All(probes, p => Assert.Equal(Enumerable.Range(0, 2_000), p.Items));
    }

    [Fact]
    public void Events_ThousandsOfAppends_KeepOrderAcrossStorageChunks()
    {
        var timeline = new Timeline(new VirtualClock());

        for (var i = 0; i < 5_000; i++)
        {
            timeline.Append("s", 1, TimelineEventKind.Yielded, i);
        }

        Assert.Equal(Enumerable.Range(0, 5_000), timeline.Events.Select(e => (int)e.Value!));
    }

    [Fact]
    public async Task EventsOf_Source_ReturnsThatSourcesEventsOnly()
    {
        var (timeline, _, _) = await TwoProbesAndAMark();

        var events = timeline.EventsOf("right");

        Assert.Equal(7, events.Count);
        Assert.All(events, e => Assert.Equal("right", e.Source));
        Assert.Equal([new TimelineEvent(TimeSpan.Zero, "test", 0, TimelineEventKind.Mark, "between")], timeline.EventsOf("test"));
        Assert.Empty(timeline.EventsOf("nobody"));
    }

    [Fact]
    public async Task EventsOf_Kind_ReturnsThatKindAcrossSources()
    {
        var (timeline, _, _) = await TwoProbesAndAMark();

        var items = timeline.EventsOf(TimelineEventKind.Yielded);

        Assert.Equal([("left", (object?)1), ("right", 2)], items.Select(e => (e.Source, e.Value)));
    }

    [Fact]
    public async Task IndexOf_Match_FindsFirstFromStartIndex()
    {
        var (timeline, _, _) = await TwoProbesAndAMark();

        var first = timeline.IndexOf(e => e.Kind == TimelineEventKind.Disposed);
        var second = timeline.IndexOf(e => e.Kind == TimelineEventKind.Disposed, first + 1);

        Assert.Equal(6, first);
        Assert.Equal(14, second);
        Assert.Equal(-1, timeline.IndexOf(e => e.Kind == TimelineEventKind.Violation));
        Assert.Equal(7, timeline.IndexOfMark("between"));
        Assert.Equal(-1, timeline.IndexOfMark("other"));
    }

    [Fact]
    public async Task HappenedBefore_OrderAcrossProbesAndMarks_ComparesFirstMatches()
    {
        var (timeline, _, _) = await TwoProbesAndAMark();
        static bool LeftDisposed(TimelineEvent e) => e.Source == "left" && e.Kind == TimelineEventKind.Disposed;
        static bool Mark(TimelineEvent e) => e.Kind == TimelineEventKind.Mark;
        static bool RightStarted(TimelineEvent e) => e.Source == "right" && e.Kind == TimelineEventKind.GetAsyncEnumerator;

        Assert.True(timeline.HappenedBefore(LeftDisposed, Mark));
        Assert.True(timeline.HappenedBefore(Mark, RightStarted));
        Assert.False(timeline.HappenedBefore(RightStarted, LeftDisposed));
        Assert.False(timeline.HappenedBefore(LeftDisposed, e => e.Kind == TimelineEventKind.Violation));
    }

    [Fact]
    public async Task Sources_SeveralProbesAndMarks_InOrderOfFirstAppearance()
    {
        var (timeline, _, _) = await TwoProbesAndAMark();

        Assert.Equal(["left", "test", "right"], timeline.Sources);
    }

    [Fact]
    public async Task ToString_AnyTimeline_IsRender()
    {
        var (timeline, _, _) = await TwoProbesAndAMark();

        Assert.Equal(timeline.Render(), timeline.ToString());
    }

    private sealed class MillisecondProvider : TimeProvider
    {
        public long Timestamp { get; set; }

        public override long TimestampFrequency => 1_000;

        public override long GetTimestamp() => Timestamp;
    }

    internal static async Task<(Timeline Timeline, Probe<int> Left, Probe<int> Right)> TwoProbesAndAMark()
    {
        var timeline = new Timeline(new VirtualClock());
        var left = TestSources.Sync(1).Probe(timeline, "left");
        var right = TestSources.Sync(2).Probe(timeline, "right");
        await left.ToListAsync();
        timeline.Mark("between");
        await right.ToListAsync();
        return (timeline, left, right);
    }
}
