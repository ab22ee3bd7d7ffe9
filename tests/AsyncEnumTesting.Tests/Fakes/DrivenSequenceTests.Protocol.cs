namespace AsyncEnumTesting.Tests.Fakes;

public sealed partial class DrivenSequenceTests
{
    [Fact]
    public async Task MoveNextAsync_CanceledWhileWaiting_ThrowsAndLaterItemStaysBuffered()
    {
        var timeline = new Timeline(new VirtualClock());
        var source = FakeSequence.Driven<int>(name: "feed", timeline: timeline);
        using var cts = new CancellationTokenSource();
        var e = source.GetAsyncEnumerator(cts.Token);
        var move = e.MoveNextAsync().AsTask();

        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => move);
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(0, source.Demand);
        await e.DisposeAsync();
        source.Emit(9);
        Assert.Equal(1, source.Buffered);
        Assert.Equal(
            [
                TimelineEventKind.GetAsyncEnumerator, TimelineEventKind.MoveNextStarted, TimelineEventKind.TokenCanceled, TimelineEventKind.Canceled,
                TimelineEventKind.DisposeStarted, TimelineEventKind.Disposed,
            ],
            timeline.Events.Select(x => x.Kind));
    }

    [Fact]
    public async Task MoveNextAsync_TokenAlreadyCanceled_ThrowsWithoutTakingBufferedItem()
    {
        var source = FakeSequence.Driven<int>();
        source.Emit(1);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await using var e = source.GetAsyncEnumerator(cts.Token);

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => e.MoveNextAsync().AsTask());

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(1, source.Buffered);
    }

    [Fact]
    public async Task GetAsyncEnumerator_SequentialEnumerations_ShareTheStream()
    {
        var source = FakeSequence.Driven<int>();
        source.Emit(1);
        source.Emit(2);
        source.Emit(3);
        source.Complete();

        var first = await source.Take(2).ToListAsync();
        var second = await source.ToListAsync();

        Assert.Equal([1, 2], first);
        Assert.Equal([3], second);
        Assert.Equal(2, source.Enumerations);
        Assert.Equal(2, source.Disposals);
        Assert.Equal(0, source.ActiveEnumerations);
    }

    [Fact]
    public async Task MoveNextAsync_NobodyEmits_RunFailsNamingTheSequence()
    {
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            async clock =>
            {
                await foreach (var item in FakeSequence.Driven<int>(clock, "orders"))
                {
                }
            },
            new VirtualTimeOptions { RealTimeGrace = TimeSpan.FromMilliseconds(50) }));

        Assert.Contains("driven sequence \"orders\" #1 waits in MoveNextAsync since 00:00.000: nothing emitted, completed or failed it", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_State_DescribesBufferDemandAndEnding()
    {
        var source = FakeSequence.Driven<int>(name: "prices");
        source.Emit(1);
        source.Complete();

        Assert.Equal("driven sequence \"prices\": 1 buffered, demand 0, ended with Complete()", source.ToString());
    }

    [Fact]
    public async Task MoveNextAsync_WhilePending_ThrowsOverlapMessage()
    {
        var source = FakeSequence.Driven<int>(name: "feed");
        var e = source.GetAsyncEnumerator();
        var pending = e.MoveNextAsync();

        var ex = Assert.Throws<InvalidOperationException>(() => e.MoveNextAsync());

        Assert.Equal(
            "MoveNextAsync was called on enumeration #1 of driven sequence \"feed\" while its previous MoveNextAsync was still pending. Await each MoveNextAsync before calling the next one: an async enumerator does not support overlapping calls.",
            ex.Message);
        source.Complete();
        Assert.False(await pending);
    }

    [Fact]
    public async Task DisposeAsync_WhilePending_ThrowsSayingToAwaitFirst()
    {
        var source = FakeSequence.Driven<int>(name: "feed");
        var e = source.GetAsyncEnumerator();
        var pending = e.MoveNextAsync();

        var ex = Assert.Throws<InvalidOperationException>(() => e.DisposeAsync());

        Assert.Equal(
            "DisposeAsync was called on enumeration #1 of driven sequence \"feed\" while MoveNextAsync was still pending. A compiler-generated async iterator throws NotSupportedException there; a correct consumer cancels the enumerator's token, awaits the pending MoveNextAsync, then disposes.",
            ex.Message);
        source.Emit(1);
        Assert.True(await pending);
        await e.DisposeAsync();
        Assert.Equal(1, source.Disposals);
    }

    [Fact]
    public async Task MoveNextAsync_WhilePendingOnClock_SaysWhenThePendingCallStarted()
    {
        var clock = new VirtualClock();
        var source = FakeSequence.Driven<int>(clock, "feed");
        var e = source.GetAsyncEnumerator();
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        var pending = e.MoveNextAsync();
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));

        var overlap = Assert.Throws<InvalidOperationException>(() => e.MoveNextAsync());
        var dispose = Assert.Throws<InvalidOperationException>(() => e.DisposeAsync());

        Assert.Equal(
            "MoveNextAsync was called on enumeration #1 of driven sequence \"feed\" while its previous MoveNextAsync (called at 00:01.000) was still pending. Await each MoveNextAsync before calling the next one: an async enumerator does not support overlapping calls.",
            overlap.Message);
        Assert.Equal(
            "DisposeAsync was called on enumeration #1 of driven sequence \"feed\" while MoveNextAsync (called at 00:01.000) was still pending. A compiler-generated async iterator throws NotSupportedException there; a correct consumer cancels the enumerator's token, awaits the pending MoveNextAsync, then disposes.",
            dispose.Message);
        source.Emit(1);
        Assert.True(await pending);
        source.Complete();
        Assert.False(await e.MoveNextAsync());
        await e.DisposeAsync();
    }

    [Fact]
    public async Task MoveNextAsync_AfterCompletion_KeepsReturningFalse()
    {
        var source = FakeSequence.Driven<int>();
        source.Complete();
        await using var e = source.GetAsyncEnumerator();

        Assert.False(await e.MoveNextAsync());
        Assert.False(await e.MoveNextAsync());
    }

    [Fact]
    public async Task Emit_FromThreadWithoutContext_StillDelivers()
    {
        var source = FakeSequence.Driven<int>();
        await using var e = source.GetAsyncEnumerator();
        var move = e.MoveNextAsync().AsTask();

        await Task.Run(() => source.Emit(4));

        Assert.True(await move);
        Assert.Equal(4, e.Current);
    }

    [Fact]
    public async Task GetAsyncEnumerator_WithTimeline_RecordsUnderName()
    {
        var timeline = new Timeline(new VirtualClock());
        var source = FakeSequence.Driven<int>(name: "feed", timeline: timeline);
        source.Emit(1);
        source.Complete();

        await source.ToListAsync();

        Assert.Same(timeline, source.Timeline);
        Assert.Equal(
            [
                TimelineEventKind.GetAsyncEnumerator, TimelineEventKind.MoveNextStarted, TimelineEventKind.Yielded, TimelineEventKind.MoveNextStarted,
                TimelineEventKind.Completed, TimelineEventKind.DisposeStarted, TimelineEventKind.Disposed,
            ],
            timeline.Events.Where(x => x.Source == "feed").Select(x => x.Kind));
    }
}
