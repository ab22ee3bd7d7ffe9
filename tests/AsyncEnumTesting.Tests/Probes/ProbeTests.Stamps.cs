using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Probes;

/// <content>Which calls read the clock: on real time only those that went asynchronous; on other providers all.</content>
public sealed partial class ProbeTests
{
    [Fact]
    public async Task Events_RealTimeSynchronousSource_ShareTheStampOfGetAsyncEnumerator()
    {
        var timeline = new Timeline();
        var probe = TestSources.Sync(1, 2, 3).Probe(timeline);

        await foreach (var _ in probe)
        {
        }

        var events = timeline.Events;
        Assert.Equal(11, events.Count);
        Assert.All(events, e => Assert.Equal(events[0].Time, e.Time));
    }

    [Fact]
    public async Task Events_RealTimeCallThatWentAsynchronous_ReadsTheClockForItsResult()
    {
        var timeline = new Timeline();
        var probe = Delayed(TimeSpan.FromMilliseconds(30)).Probe(timeline);

        await foreach (var _ in probe)
        {
        }

        // Real time on purpose: the point is that the result after a real wait carries a later stamp than its start.
        var started = timeline.Events.First(e => e.Kind == TimelineEventKind.MoveNextStarted).Time;
        var yielded = timeline.Events.First(e => e.Kind == TimelineEventKind.Yielded).Time;
        Assert.True(yielded - started >= TimeSpan.FromMilliseconds(25), $"yielded {yielded} after start {started}");
    }

    [Fact]
    public async Task Events_OtherProviderMovedBetweenSynchronousCalls_StampsEachCallWithItsTime()
    {
        var provider = new SteppedProvider();
        var timeline = new Timeline(provider);
        var probe = Stepping(provider, 2).Probe(timeline);

        await foreach (var _ in probe)
        {
        }

        Assert.Equal(
            [0, 1000, 1000, 2000, 2000, 3000, 3000, 3000],
            timeline.Events.Skip(1).Select(e => (int)e.Time.TotalMilliseconds));
    }

    [Fact]
    public async Task Events_ProbeOverProbeOnOneTimeline_InnerCallsSitBetweenOuterStartAndResult()
    {
        var timeline = new Timeline(new VirtualClock());
        var inner = TestSources.Sync(1).Probe(timeline, "inner");
        var outer = inner.Select(i => i * 10).Probe(timeline, "outer");

        var items = await outer.ToListAsync();

        Assert.Equal([10], items);
        Assert.Equal(
            [
                "outer GetAsyncEnumerator",
                "outer MoveNextStarted", "inner GetAsyncEnumerator", "inner MoveNextStarted", "inner Yielded 1", "outer Yielded 10",
                "outer MoveNextStarted", "inner MoveNextStarted", "inner Completed", "inner DisposeStarted", "inner Disposed", "outer Completed",
                "outer DisposeStarted", "outer Disposed",
            ],
            timeline.Events.Select(e => $"{e.Source} {e.Kind}{(e.Kind == TimelineEventKind.Yielded ? " " + e.Value : string.Empty)}"));
        Assert.Equal(timeline.Events.Count, timeline.Count);
    }

    [Fact]
    public async Task Count_SynchronousItems_CountsStartAndYieldOfEachCall()
    {
        var timeline = new Timeline(new VirtualClock());
        var probe = TestSources.Sync(1, 2, 3).Probe(timeline);

        var enumerator = probe.GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());
        var afterOne = timeline.Count;
        var snapshot = timeline.Events;
        await enumerator.MoveNextAsync();

        Assert.Equal(3, afterOne);
        Assert.Equal(3, snapshot.Count);
        Assert.Equal(5, timeline.Count);
        Assert.Equal(5, timeline.Events.Count);
        Assert.Equal([1, 2], probe.Items);
        await enumerator.DisposeAsync();
    }

    private static async IAsyncEnumerable<int> Delayed(TimeSpan delay)
    {
        await Task.Delay(delay); // real time on purpose: the test checks stamps on a real-time timeline
        yield return 1;
    }

#pragma warning disable CS1998 // Synchronous on purpose: every call completes synchronously.
    private static async IAsyncEnumerable<int> Stepping(SteppedProvider provider, int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
#pragma warning restore CS1998
    {
        for (var i = 0; i < count; i++)
        {
            provider.Timestamp += 1_000;
            yield return i;
        }

        provider.Timestamp += 1_000;
    }

    private sealed class SteppedProvider : TimeProvider
    {
        public long Timestamp { get; set; }

        public override long TimestampFrequency => 1_000;

        public override long GetTimestamp() => Timestamp;
    }
}
