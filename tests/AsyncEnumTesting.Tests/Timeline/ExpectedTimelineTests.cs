using AsyncEnumTesting.Tests.Probes;

namespace AsyncEnumTesting.Tests.Timelines;

public sealed class ExpectedTimelineTests
{
    [Fact]
    public async Task Equal_TimedProbe_WholeLogInOneAssertion()
    {
        var timeline = await VirtualTime.RunAsync(async clock =>
        {
            var timeline = new Timeline(clock);
            await TestSources.Timed(clock, TimeSpan.FromSeconds(1), 2).Probe(timeline, "ticks").ToListAsync();
            timeline.Mark("done");
            return timeline;
        });

        var expected = new ExpectedTimeline("ticks")
            .GetAsyncEnumerator()
            .MoveNextStarted().At(TimeSpan.FromSeconds(1)).Yielded(1)
            .MoveNextStarted().At(TimeSpan.FromSeconds(2)).Yielded(2)
            .MoveNextCompleting()
            .DisposeAsyncFinishing()
            .Mark("done");

        Assert.Equal(expected, timeline.Events);
    }

    [Fact]
    public void Methods_EachKind_AddExactlyThatEvent()
    {
        var boom = new InvalidOperationException("boom");

        var expected = new ExpectedTimeline("a", 2)
            .GetAsyncEnumerator(cancellableToken: true)
            .MoveNextYielding("x")
            .Faulted(boom)
            .Canceled()
            .TokenCanceled()
            .Violation("bad")
            .For("b").At(TimeSpan.FromSeconds(3))
            .Add(TimelineEventKind.Completed)
            .DisposeStarted()
            .Disposed();

        var t3 = TimeSpan.FromSeconds(3);
        TimelineEvent[] events =
            [
                new(TimeSpan.Zero, "a", 2, TimelineEventKind.GetAsyncEnumerator, true),
                new(TimeSpan.Zero, "a", 2, TimelineEventKind.MoveNextStarted),
                new(TimeSpan.Zero, "a", 2, TimelineEventKind.Yielded, "x"),
                new(TimeSpan.Zero, "a", 2, TimelineEventKind.Faulted, boom),
                new(TimeSpan.Zero, "a", 2, TimelineEventKind.Canceled),
                new(TimeSpan.Zero, "a", 2, TimelineEventKind.TokenCanceled),
                new(TimeSpan.Zero, "a", 2, TimelineEventKind.Violation, "bad"),
                new(t3, "b", 1, TimelineEventKind.Completed),
                new(t3, "b", 1, TimelineEventKind.DisposeStarted),
                new(t3, "b", 1, TimelineEventKind.Disposed),
            ];
        Assert.Equal(events, expected);
        Assert.Equal(10, expected.Count);
        Assert.Equal(TimelineEventKind.Yielded, expected[2].Kind);
    }

    [Fact]
    public void ToString_Expectation_RendersLikeATimeline()
    {
        var expected = new ExpectedTimeline().GetAsyncEnumerator().MoveNextYielding(1).At(TimeSpan.FromSeconds(1)).MoveNextCompleting().DisposeAsyncFinishing();

        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: none
              00:00.000  #1 MoveNextAsync -> 1
              00:01.000  #1 MoveNextAsync -> completed
              00:01.000  #1 DisposeAsync
            """.ReplaceLineEndings(),
            expected.ToString());
    }

    [Fact]
    public void Constructor_BlankSource_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ExpectedTimeline(" "));
        Assert.Throws<ArgumentException>(() => new ExpectedTimeline().For(""));
    }
}
