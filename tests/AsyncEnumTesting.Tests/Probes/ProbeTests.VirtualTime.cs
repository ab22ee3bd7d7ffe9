namespace AsyncEnumTesting.Tests.Probes;

public sealed partial class ProbeTests
{
    [Fact]
    public async Task Events_TimedSourceUnderRunAsync_StampedWithVirtualTime()
    {
        var timeline = await VirtualTime.RunAsync(async clock =>
        {
            var timeline = new Timeline(clock);
            await TestSources.Timed(clock, TimeSpan.FromMilliseconds(100), 2).Probe(timeline, "ticks").ToListAsync();
            return timeline;
        });

        static TimeSpan ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
        Assert.Equal(
            [
                new(ms(0), "ticks", 1, TimelineEventKind.GetAsyncEnumerator, false),
                new(ms(0), "ticks", 1, TimelineEventKind.MoveNextStarted),
                new(ms(100), "ticks", 1, TimelineEventKind.Yielded, 1),
                new(ms(100), "ticks", 1, TimelineEventKind.MoveNextStarted),
                new(ms(200), "ticks", 1, TimelineEventKind.Yielded, 2),
                new(ms(200), "ticks", 1, TimelineEventKind.MoveNextStarted),
                new(ms(200), "ticks", 1, TimelineEventKind.Completed),
                new(ms(200), "ticks", 1, TimelineEventKind.DisposeStarted),
                new(ms(200), "ticks", 1, TimelineEventKind.Disposed),
            ],
            timeline.Events);
    }

    [Fact]
    public async Task MoveNextAsync_PendingWithCancellableToken_WaiterOmitsTokenNote()
    {
        var clock = new VirtualClock();
        using var cts = new CancellationTokenSource();
        var source = new HandSource();
        var probe = source.Probe(new Timeline(clock), "orders");
        var enumerator = probe.GetAsyncEnumerator(cts.Token);

        var move = enumerator.MoveNextAsync();

        Assert.Equal(["probe \"orders\" #1 in MoveNextAsync since 00:00.000"], clock.Waiters.Describe());
        source.Enumerators[0].Complete();
        Assert.False(await move);
        await enumerator.DisposeAsync();
    }

    [Fact]
    public async Task MoveNextAsync_PendingOnVirtualClock_RegistersWaiterUntilAnswered()
    {
        var clock = new VirtualClock();
        var source = new HandSource();
        var probe = source.Probe(new Timeline(clock), "orders");
        var enumerator = probe.GetAsyncEnumerator();
        await clock.AdvanceAsync(TimeSpan.FromSeconds(3));

        var move = enumerator.MoveNextAsync();

        Assert.Equal(["probe \"orders\" #1 in MoveNextAsync since 00:03.000 (token: none)"], clock.Waiters.Describe());
        source.Enumerators[0].Yield(1);
        Assert.True(await move);
        Assert.Empty(clock.Waiters.Describe());
        await enumerator.DisposeAsync();
    }

    [Fact]
    public async Task MoveNextAsync_OverlappingWithThrowOnMisuseOff_EachPendingCallRegisteredUntilAnswered()
    {
        var clock = new VirtualClock();
        var source = new HandSource();
        var probe = source.Probe(new Timeline(clock), "orders");
        probe.ThrowOnMisuse = false;
        var enumerator = probe.GetAsyncEnumerator();

        var first = enumerator.MoveNextAsync();
        var second = enumerator.MoveNextAsync();

        Assert.Equal(2, clock.Waiters.Describe().Count);
        source.Enumerators[0].Yield(1);
        await first;
        source.Enumerators[0].Complete();
        await second;
        Assert.Empty(clock.Waiters.Describe());
        await enumerator.DisposeAsync();
    }

    [Fact]
    public async Task MoveNextAsync_SourceFaultsWhilePending_UnregistersWaiter()
    {
        var clock = new VirtualClock();
        var source = new HandSource();
        var probe = source.Probe(new Timeline(clock));
        var enumerator = probe.GetAsyncEnumerator();
        var move = enumerator.MoveNextAsync();

        source.Enumerators[0].Fail(new InvalidOperationException("late boom"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => move.AsTask());
        Assert.Empty(clock.Waiters.Describe());
        await enumerator.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_ProbeWaitsForever_HangDiagnosisNamesProbe()
    {
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            async clock =>
            {
                var probe = new HandSource().Probe(new Timeline(clock), "orders");
                await Task.Delay(TimeSpan.FromSeconds(2), clock);
                await using var enumerator = probe.GetAsyncEnumerator();
                await enumerator.MoveNextAsync();
            },
            new VirtualTimeOptions { RealTimeGrace = TimeSpan.FromMilliseconds(50) }));

        Assert.Contains("probe \"orders\" #1 in MoveNextAsync since 00:02.000", ex.Message, StringComparison.Ordinal);
    }
}
