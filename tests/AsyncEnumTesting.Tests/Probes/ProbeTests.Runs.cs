using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Probes;

/// <content>Synchronous calls stored together (runs): readers still see every call as two events, in order.</content>
public sealed partial class ProbeTests
{
    [Fact]
    public async Task Events_SyncSourceLongerThanSeveralRuns_EveryCallIsStartThenItem()
    {
        var timeline = new Timeline(new VirtualClock());
        var probe = TestSources.Sync(Enumerable.Range(0, 300).ToArray()).Probe(timeline, "numbers");

        await foreach (var _ in probe)
        {
        }

        var expected = new List<string> { "GetAsyncEnumerator" };
        expected.AddRange(Enumerable.Range(0, 300).SelectMany(i => new[] { "MoveNextStarted", "Yielded " + i }));
        expected.AddRange(["MoveNextStarted", "Completed", "DisposeStarted", "Disposed"]);
        Assert.Equal(expected, timeline.Events.Select(e => e.Kind + (e.Kind == TimelineEventKind.Yielded ? " " + e.Value : string.Empty)));
        Assert.Equal(expected.Count, timeline.Count);
        Assert.Equal(Enumerable.Range(0, 300), probe.Items);
    }

    [Fact]
    public async Task Events_ReadDuringSynchronousCall_EndWithItsStartAndGrowIntoTheFinalEvents()
    {
        var timeline = new Timeline(new VirtualClock());
        var snapshots = new List<IReadOnlyList<TimelineEvent>>();
        var probe = Watching(timeline, snapshots, 5).Probe(timeline);

        await foreach (var _ in probe)
        {
        }

        var final = timeline.Events;
        Assert.Equal(6, snapshots.Count);
        Assert.All(snapshots, s => Assert.Equal(TimelineEventKind.MoveNextStarted, s[^1].Kind));
        Assert.All(snapshots, s => Assert.Equal(s, final.Take(s.Count)));
    }

    [Fact]
    public async Task Events_MarksBetweenSynchronousCalls_SitBetweenTheCalls()
    {
        var timeline = new Timeline(new VirtualClock());
        var probe = TestSources.Sync(1, 2, 3).Probe(timeline);

        await foreach (var item in probe)
        {
            if (item != 2)
            {
                timeline.Mark("after " + item);
            }
        }

        Assert.Equal(
            [
                "GetAsyncEnumerator", "MoveNextStarted", "Yielded 1", "Mark after 1", "MoveNextStarted", "Yielded 2",
                "MoveNextStarted", "Yielded 3", "Mark after 3", "MoveNextStarted", "Completed", "DisposeStarted", "Disposed",
            ],
            timeline.Events.Select(e => e.Kind + (e.Value is int or string ? " " + e.Value : string.Empty)));
    }

    [Fact]
    public async Task Events_VirtualClockMovesBetweenSynchronousCalls_EachCallKeepsItsTime()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var probe = TestSources.Sync(1, 2).Probe(timeline);

        await foreach (var _ in probe)
        {
            await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(
            ["0 GetAsyncEnumerator", "0 MoveNextStarted", "0 Yielded", "1 MoveNextStarted", "1 Yielded", "2 MoveNextStarted", "2 Completed", "2 DisposeStarted", "2 Disposed"],
            timeline.Events.Select(e => $"{e.Time.TotalSeconds} {e.Kind}"));
    }

#pragma warning disable CS1998 // Synchronous on purpose: every call completes synchronously.
    private static async IAsyncEnumerable<int> Watching(
        Timeline timeline, List<IReadOnlyList<TimelineEvent>> snapshots, int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
#pragma warning restore CS1998
    {
        for (var i = 0; i < count; i++)
        {
            snapshots.Add(timeline.Events);
            yield return i;
        }

        snapshots.Add(timeline.Events);
    }
}
