namespace AsyncEnumTesting.Tests.Fakes;

public sealed partial class ScriptedSequenceTests
{
    [Fact]
    public async Task MoveNextAsync_TokenAlreadyCanceled_ThrowsWithThatToken()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var source = FakeSequence.Script<int>().Yield(1);
        var e = source.GetAsyncEnumerator(cts.Token);

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => e.MoveNextAsync().AsTask());

        Assert.Equal(cts.Token, ex.CancellationToken);
        await e.DisposeAsync();
        Assert.Equal(0, source.ActiveEnumerations);
    }

    [Fact]
    public async Task Wait_CanceledDuringWait_ThrowsWithTokenAtCancelTime()
    {
        var (token, thrown, at) = await VirtualTime.RunAsync(async clock =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3), clock);
            var source = FakeSequence.Script<int>(clock).Wait(TimeSpan.FromMinutes(1)).Yield(1);
            await using var e = source.GetAsyncEnumerator(cts.Token);
            var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => e.MoveNextAsync().AsTask());
            return (cts.Token, ex.CancellationToken, clock.Elapsed);
        });

        Assert.Equal(token, thrown);
        Assert.Equal(TimeSpan.FromSeconds(3), at);
    }

    [Fact]
    public async Task Hang_Canceled_ThrowsAndCanBeDisposed()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var source = FakeSequence.Script<int>(clock, "silent", timeline).Yield(1).HangUntilCanceled();
        using var cts = new CancellationTokenSource();
        var e = source.GetAsyncEnumerator(cts.Token);
        Assert.True(await e.MoveNextAsync());

        var move = e.MoveNextAsync().AsTask();
        await clock.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.False(move.IsCompleted);
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => move);
        Assert.Equal(cts.Token, ex.CancellationToken);
        await e.DisposeAsync();
        Assert.Equal(
            [
                TimelineEventKind.GetAsyncEnumerator, TimelineEventKind.MoveNextStarted, TimelineEventKind.Yielded, TimelineEventKind.MoveNextStarted,
                TimelineEventKind.TokenCanceled, TimelineEventKind.Canceled, TimelineEventKind.DisposeStarted, TimelineEventKind.Disposed,
            ],
            timeline.Events.Select(x => x.Kind));
        Assert.Equal(TimeSpan.FromHours(1), timeline.Events[5].Time);
    }

    [Fact]
    public async Task Hang_NobodyCancels_RunFailsNamingTheSequence()
    {
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            async clock =>
            {
                var source = FakeSequence.Script<int>(clock, "silent").Wait(Second).HangUntilCanceled();
                await foreach (var item in source)
                {
                }
            },
            new VirtualTimeOptions { RealTimeGrace = TimeSpan.FromMilliseconds(50) }));

        Assert.Contains("scripted sequence \"silent\" #1 waits in MoveNextAsync (HangUntilCanceled()) since 00:01.000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeverComplete_TokenCanceled_StillPending()
    {
        var clock = new VirtualClock();
        using var cts = new CancellationTokenSource();
        var source = FakeSequence.Script<int>(clock).HangIgnoringCancellation();
        var e = source.GetAsyncEnumerator(cts.Token);

        var move = e.MoveNextAsync().AsTask();
        await cts.CancelAsync();
        await clock.AdvanceAsync(TimeSpan.FromDays(1));

        Assert.False(move.IsCompleted);
        Assert.Equal(1, source.ActiveEnumerations);
    }

    [Fact]
    public async Task NeverComplete_ConsumerTimeout_TimesOutInVirtualTime()
    {
        var at = await VirtualTime.RunAsync(async clock =>
        {
            var source = FakeSequence.Script<int>(clock).HangIgnoringCancellation();
            var e = source.GetAsyncEnumerator();
            await Assert.ThrowsAsync<TimeoutException>(() => e.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30), clock));
            return clock.Elapsed;
        });

        Assert.Equal(TimeSpan.FromSeconds(30), at);
    }
}
