namespace AsyncEnumTesting.Tests.Probes;

public sealed partial class ProbeTests
{
    private static readonly TimeSpan T0 = TimeSpan.Zero;

    [Fact]
    public async Task Events_SyncSourceEnumeratedToEnd_RecordsWholeProtocol()
    {
        var timeline = new Timeline(new VirtualClock());
        var probe = TestSources.Sync(1, 2).Probe(timeline, "numbers");

        await foreach (var _ in probe)
        {
        }

        Assert.Equal(
            [
                new(T0, "numbers", 1, TimelineEventKind.GetAsyncEnumerator, false),
                new(T0, "numbers", 1, TimelineEventKind.MoveNextStarted),
                new(T0, "numbers", 1, TimelineEventKind.Yielded, 1),
                new(T0, "numbers", 1, TimelineEventKind.MoveNextStarted),
                new(T0, "numbers", 1, TimelineEventKind.Yielded, 2),
                new(T0, "numbers", 1, TimelineEventKind.MoveNextStarted),
                new(T0, "numbers", 1, TimelineEventKind.Completed),
                new(T0, "numbers", 1, TimelineEventKind.DisposeStarted),
                new(T0, "numbers", 1, TimelineEventKind.Disposed),
            ],
            timeline.Events);
    }

    [Fact]
    public async Task Enumerations_RunToEnd_DescribeCompletedAndDisposed()
    {
        var probe = TestSources.Sync("a", "b").Probe(new Timeline(new VirtualClock()));

        var items = await probe.ToListAsync();

        var enumeration = Assert.Single(probe.Enumerations);
        Assert.Equal(["a", "b"], items);
        Assert.Equal(1, enumeration.Number);
        Assert.Equal(["a", "b"], enumeration.Items);
        Assert.Equal(EnumerationOutcome.Completed, enumeration.Outcome);
        Assert.Equal(T0, enumeration.EndedAt);
        Assert.True(enumeration.IsDisposed);
        Assert.Equal(T0, enumeration.DisposedAt);
        Assert.Null(enumeration.Exception);
        Assert.Empty(probe.UndisposedEnumerations);
        Assert.Empty(probe.Violations);
        Assert.Equal("#1: 2 item(s), Completed at 00:00.000, disposed at 00:00.000", enumeration.ToString());
    }

    [Fact]
    public async Task Items_TwoEnumerations_AllItemsInOrderAndPerEnumeration()
    {
        var probe = TestSources.Sync(1, 2, 3).Probe();

        await probe.ToListAsync();
        await probe.Take(1).ToListAsync();

        Assert.Equal([1, 2, 3, 1], probe.Items);
        Assert.Equal(2, probe.Enumerations.Count);
        Assert.Equal([1, 2, 3], probe.Enumerations[0].Items);
        Assert.Equal([1], probe.Enumerations[1].Items);
        Assert.Equal(2, probe.Enumerations[1].Number);
    }

    [Fact]
    public async Task Enumerations_ConsumerBreaksEarly_Abandoned()
    {
        var probe = TestSources.Sync(1, 2, 3).Probe();

        await foreach (var item in probe)
        {
            if (item == 2)
            {
                break;
            }
        }

        var enumeration = Assert.Single(probe.Enumerations);
        Assert.Equal(EnumerationOutcome.Abandoned, enumeration.Outcome);
        Assert.Null(enumeration.EndedAt);
        Assert.True(enumeration.IsDisposed);
        Assert.Equal([1, 2], enumeration.Items);
    }

    [Fact]
    public async Task MoveNextAsync_SourceThrows_RecordsFaultedAndRethrowsSameException()
    {
        var boom = new InvalidOperationException("boom");
        var timeline = new Timeline(new VirtualClock());
        var probe = TestSources.Failing(boom, 7).Probe(timeline);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => probe.ToListAsync().AsTask());

        Assert.Same(boom, thrown);
        var enumeration = Assert.Single(probe.Enumerations);
        Assert.Equal(EnumerationOutcome.Faulted, enumeration.Outcome);
        Assert.Same(boom, enumeration.Exception);
        Assert.Equal([7], enumeration.Items);
        Assert.Equal(new TimelineEvent(T0, "source", 1, TimelineEventKind.Faulted, boom), timeline.Events[^3]);
        Assert.True(enumeration.IsDisposed);
    }

    [Fact]
    public async Task MoveNextAsync_SourceThrowsSynchronously_RecordsFaulted()
    {
        var boom = new InvalidOperationException("sync boom");
        var throwing = new ThrowingEnumerable(boom).Probe();
        await using var throwingEnumerator = throwing.GetAsyncEnumerator();

        var thrown = Assert.Throws<InvalidOperationException>(() => throwingEnumerator.MoveNextAsync());

        Assert.Same(boom, thrown);
        Assert.Equal(EnumerationOutcome.Faulted, throwing.Enumerations[0].Outcome);
        Assert.Equal(TimelineEventKind.Faulted, throwing.Events[^1].Kind);
    }

    [Fact]
    public async Task MoveNextAsync_SourceCanceled_RecordsCanceledWithoutValue()
    {
        using var cts = new CancellationTokenSource();
        var timeline = new Timeline(new VirtualClock());
        var probe = TestSources.Never().Probe(timeline);
        var enumerator = probe.GetAsyncEnumerator(cts.Token);
        var move = enumerator.MoveNextAsync();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => move.AsTask());
        await enumerator.DisposeAsync();
        var enumeration = Assert.Single(probe.Enumerations);
        Assert.Equal(EnumerationOutcome.Canceled, enumeration.Outcome);
        Assert.IsAssignableFrom<OperationCanceledException>(enumeration.Exception);
        Assert.Equal(
            [
                TimelineEventKind.GetAsyncEnumerator, TimelineEventKind.MoveNextStarted, TimelineEventKind.TokenCanceled,
                TimelineEventKind.Canceled, TimelineEventKind.DisposeStarted, TimelineEventKind.Disposed,
            ],
            timeline.Events.Select(e => e.Kind));
        Assert.Null(timeline.Events[3].Value);
    }

    [Fact]
    public void GetAsyncEnumerator_SourceThrows_RecordsFaultedAndNeedsNoDisposal()
    {
        var boom = new InvalidOperationException("no enumerator");
        var probe = new ThrowingEnumerable(boom, onGet: true).Probe();

        var thrown = Assert.Throws<InvalidOperationException>(() => probe.GetAsyncEnumerator());

        Assert.Same(boom, thrown);
        Assert.Equal([TimelineEventKind.GetAsyncEnumerator, TimelineEventKind.Faulted], probe.Events.Select(e => e.Kind));
        Assert.Equal(EnumerationOutcome.Faulted, probe.Enumerations[0].Outcome);
        Assert.Empty(probe.UndisposedEnumerations);
    }

    [Fact]
    public async Task DisposeAsync_SourceThrows_RecordsFaultedAndCountsAsDisposed()
    {
        var boom = new InvalidOperationException("dispose failed");
        var source = new HandSource();
        var probe = source.Probe(new Timeline(new VirtualClock()));
        var enumerator = probe.GetAsyncEnumerator();
        source.Enumerators[0].OnDispose = () => ValueTask.FromException(boom);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => enumerator.DisposeAsync().AsTask());

        Assert.Same(boom, thrown);
        Assert.Equal(new TimelineEvent(T0, "source", 1, TimelineEventKind.Faulted, boom), probe.Events[^1]);
        Assert.True(probe.Enumerations[0].IsDisposed);
        Assert.Empty(probe.UndisposedEnumerations);
    }

    [Fact]
    public async Task DisposeAsync_SourceDisposesAsynchronously_RecordsEndWhenDone()
    {
        var clock = new VirtualClock();
        var source = new HandSource();
        var probe = source.Probe(new Timeline(clock));
        var enumerator = probe.GetAsyncEnumerator();
        source.Enumerators[0].OnDispose = async () => await Task.Delay(TimeSpan.FromSeconds(2), clock);

        var dispose = enumerator.DisposeAsync();
        Assert.False(probe.Enumerations[0].IsDisposed);
        await clock.AdvanceAsync(TimeSpan.FromSeconds(2));
        await dispose;

        Assert.Equal(TimeSpan.FromSeconds(2), probe.Enumerations[0].DisposedAt);
        Assert.Equal(new TimelineEvent(TimeSpan.FromSeconds(2), "source", 1, TimelineEventKind.Disposed), probe.Events[^1]);
    }

    [Fact]
    public async Task Events_SharedTimeline_OnlyThisProbes()
    {
        var timeline = new Timeline(new VirtualClock());
        var left = TestSources.Sync(1).Probe(timeline, "left");
        var right = TestSources.Sync(2).Probe(timeline, "right");

        await left.ToListAsync();
        timeline.Mark("between");
        await right.ToListAsync();

        Assert.All(left.Events, e => Assert.Equal("left", e.Source));
        Assert.All(right.Events, e => Assert.Equal("right", e.Source));
        Assert.Equal(timeline.Count - 1, left.Events.Count + right.Events.Count);
    }

    [Fact]
    public async Task ToString_ProbeOnSharedTimeline_RendersOnlyItsEvents()
    {
        var timeline = new Timeline(new VirtualClock());
        var probe = TestSources.Sync(1).Probe(timeline, "orders");
        timeline.Mark("start");

        await probe.ToListAsync();

        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: none
              00:00.000  #1 MoveNextAsync -> 1
              00:00.000  #1 MoveNextAsync -> completed
              00:00.000  #1 DisposeAsync
            """.ReplaceLineEndings(),
            probe.ToString());
        Assert.Equal(probe.ToString(), probe.Render());
        Assert.EndsWith("#1 DisposeAsync      <- last", probe.Render(new TimelineRenderOptions { HighlightIndex = 6, HighlightNote = "last" }), StringComparison.Ordinal);
    }

    private sealed class ThrowingEnumerable(Exception exception, bool onGet = false) : IAsyncEnumerable<int>, IAsyncEnumerator<int>
    {
        public int Current => 0;

        public IAsyncEnumerator<int> GetAsyncEnumerator(CancellationToken cancellationToken = default) => onGet ? throw exception : this;

        public ValueTask<bool> MoveNextAsync() => throw exception;

        public ValueTask DisposeAsync() => default;
    }
}
