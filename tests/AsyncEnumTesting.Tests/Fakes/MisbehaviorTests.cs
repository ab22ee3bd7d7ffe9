namespace AsyncEnumTesting.Tests.Fakes;

public sealed class MisbehaviorTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task IgnoreCancellation_CanceledDuringWait_YieldsAfterFullWait()
    {
        var (item, at) = await VirtualTime.RunAsync(async clock =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3), clock);
            var source = FakeSequence.Script<int>(clock).Wait(Minute).Yield(1).Misbehave(Misbehavior.IgnoreCancellation);
            await using var e = source.GetAsyncEnumerator(cts.Token);
            Assert.True(await e.MoveNextAsync());
            return (e.Current, clock.Elapsed);
        });

        Assert.Equal((1, Minute), (item, at));
    }

    [Fact]
    public async Task IgnoreCancellation_TokenAlreadyCanceled_StillYields()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var source = FakeSequence.Script<int>().Yield(1, 2).Misbehave(Misbehavior.IgnoreCancellation);

        await using var e = source.GetAsyncEnumerator(cts.Token);

        Assert.True(await e.MoveNextAsync());
        Assert.True(await e.MoveNextAsync());
        Assert.False(await e.MoveNextAsync());
    }

    [Fact]
    public async Task IgnoreCancellation_Hang_NeverEndsAfterCancel()
    {
        var clock = new VirtualClock();
        using var cts = new CancellationTokenSource();
        var source = FakeSequence.Script<int>(clock).HangUntilCanceled().Misbehave(Misbehavior.IgnoreCancellation);
        var e = source.GetAsyncEnumerator(cts.Token);

        var move = e.MoveNextAsync().AsTask();
        await cts.CancelAsync();
        await clock.AdvanceAsync(TimeSpan.FromDays(1));

        Assert.False(move.IsCompleted);
    }

    [Fact]
    public async Task YieldAfterCancellation_CanceledDuringWait_YieldsEarlyAndKeepsYielding()
    {
        var stamps = await VirtualTime.RunAsync(async clock =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3), clock);
            var source = FakeSequence.Script<int>(clock).Wait(Minute).Yield(1).Wait(Minute).Yield(2).Misbehave(Misbehavior.YieldAfterCancellation);
            var seen = new List<string>();
            await foreach (var item in source.WithCancellation(cts.Token))
            {
                seen.Add($"{item}@{clock.Elapsed.TotalSeconds}");
            }

            return seen;
        });

        Assert.Equal(["1@3", "2@3"], stamps);
    }

    [Fact]
    public async Task ThrowOnDispose_AwaitForeach_ThrowsAfterCountingDisposal()
    {
        var timeline = new Timeline(new VirtualClock());
        var source = FakeSequence.Script<int>(name: "leaky", timeline: timeline).Yield(1).Misbehave(Misbehavior.ThrowOnDispose);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in source)
            {
            }
        });

        Assert.Equal("scripted sequence \"leaky\" #1 threw from DisposeAsync on purpose (Misbehavior.ThrowOnDispose).", ex.Message);
        Assert.Equal(1, source.Disposals);
        Assert.Equal(0, source.ActiveEnumerations);
        Assert.Equal(new TimelineEvent(TimeSpan.Zero, "leaky", 1, TimelineEventKind.Faulted, ex), timeline.Events[^1]);
    }

    [Fact]
    public async Task ThrowOnGetAsyncEnumerator_Enumerate_ThrowsBeforeAnyEnumerator()
    {
        var source = FakeSequence.Script<int>(name: "broken").Yield(1).Misbehave(Misbehavior.ThrowOnGetAsyncEnumerator);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => source.ToListAsync().AsTask());

        Assert.Equal("scripted sequence \"broken\" #1 threw from GetAsyncEnumerator on purpose (Misbehavior.ThrowOnGetAsyncEnumerator).", ex.Message);
        Assert.Equal(1, source.Enumerations);
        Assert.Equal(0, source.ActiveEnumerations);
        Assert.Equal(0, source.Disposals);
    }

    [Fact]
    public async Task CompleteAsynchronously_ItemReady_MoveNextIsPendingFirst()
    {
        var (pendingFirst, item) = await VirtualTime.RunAsync(async clock =>
        {
            var source = FakeSequence.Script<int>().Yield(1).Misbehave(Misbehavior.CompleteAsynchronously);
            await using var e = source.GetAsyncEnumerator();
            var move = e.MoveNextAsync();
            var pending = !move.IsCompleted;
            Assert.True(await move);
            Assert.False(await e.MoveNextAsync());
            return (pending, e.Current);
        });

        Assert.True(pendingFirst);
        Assert.Equal(1, item);
    }

    [Fact]
    public async Task CompleteAsynchronously_UnderRunner_StillDeterministic()
    {
        var items = await VirtualTime.RunAsync(async clock =>
            await FakeSequence.Script<int>(clock).Yield(1).Wait(TimeSpan.FromSeconds(1)).Yield(2).Misbehave(Misbehavior.CompleteAsynchronously).ToListAsync());

        Assert.Equal([1, 2], items);
    }

    [Fact]
    public async Task ThrowSynchronously_ErrorDue_ThrowsFromMoveNextAsyncItself()
    {
        var error = new InvalidOperationException("boom");
        var source = FakeSequence.Script<int>().Yield(1).Fail(error).Misbehave(Misbehavior.ThrowSynchronously);
        await using var e = source.GetAsyncEnumerator();
        Assert.True(await e.MoveNextAsync());

        var thrown = Assert.Throws<InvalidOperationException>(() => e.MoveNextAsync());

        Assert.Same(error, thrown);
        Assert.False(await e.MoveNextAsync());
    }

    [Fact]
    public async Task None_ErrorDue_ReturnsFaultedTask()
    {
        var source = FakeSequence.Script<int>().Fail(new InvalidOperationException("boom"));
        await using var e = source.GetAsyncEnumerator();

        var move = e.MoveNextAsync();

        Assert.True(move.IsFaulted);
        await Assert.ThrowsAsync<InvalidOperationException>(() => move.AsTask());
    }

    [Fact]
    public void Misbehave_Twice_CombinesModes()
    {
        var source = FakeSequence.Script<int>().Misbehave(Misbehavior.ThrowOnDispose).Misbehave(Misbehavior.IgnoreCancellation);

        Assert.Equal(Misbehavior.ThrowOnDispose | Misbehavior.IgnoreCancellation, source.Misbehaviors);
    }

    [Fact]
    public async Task ThrowOnGetAsyncEnumerator_WithTimeline_RecordsStartAndFault()
    {
        var timeline = new Timeline(new VirtualClock());
        var source = FakeSequence.Script<int>(name: "broken", timeline: timeline).Misbehave(Misbehavior.ThrowOnGetAsyncEnumerator);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => source.ToListAsync().AsTask());

        Assert.Equal(
            [
                new TimelineEvent(TimeSpan.Zero, "broken", 1, TimelineEventKind.GetAsyncEnumerator, false),
                new TimelineEvent(TimeSpan.Zero, "broken", 1, TimelineEventKind.Faulted, ex),
            ],
            timeline.Events);
    }

    [Fact]
    public async Task ThrowSynchronously_WithTimeline_StillThrowsSynchronously()
    {
        var error = new InvalidOperationException("boom");
        var timeline = new Timeline(new VirtualClock());
        var source = FakeSequence.Script<int>(timeline: timeline).Fail(error).Misbehave(Misbehavior.ThrowSynchronously);
        await using var e = source.GetAsyncEnumerator();

        Assert.Same(error, Assert.Throws<InvalidOperationException>(() => e.MoveNextAsync()));
        Assert.Equal(TimelineEventKind.Faulted, timeline.Events[^1].Kind);
    }
}
