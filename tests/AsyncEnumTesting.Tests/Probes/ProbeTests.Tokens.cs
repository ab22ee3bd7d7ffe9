namespace AsyncEnumTesting.Tests.Probes;

public sealed partial class ProbeTests
{
    [Fact]
    public async Task GetAsyncEnumerator_DefaultToken_RecordsTokenNotCancellable()
    {
        var probe = TestSources.Sync(1).Probe();

        await probe.ToListAsync();

        Assert.False(probe.Enumerations[0].TokenCanBeCanceled);
        Assert.Null(probe.Enumerations[0].TokenCanceledAt);
        Assert.Equal(false, probe.Events[0].Value);
    }

    [Fact]
    public async Task GetAsyncEnumerator_CancellableToken_RecordsItAndPassesItOn()
    {
        using var cts = new CancellationTokenSource();
        var probe = TestSources.Never().Probe();
        var consuming = probe.GetAsyncEnumerator(cts.Token);
        var move = consuming.MoveNextAsync();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => move.AsTask());
        await consuming.DisposeAsync();
        Assert.True(probe.Enumerations[0].TokenCanBeCanceled);
        Assert.Equal(true, probe.Events[0].Value);
        Assert.NotNull(probe.Enumerations[0].TokenCanceledAt);
    }

    [Fact]
    public async Task TokenCanceledAt_CanceledByVirtualTimer_IsTheVirtualMoment()
    {
        var probe = await VirtualTime.RunAsync(async clock =>
        {
            var probe = TestSources.Timed(clock, TimeSpan.FromSeconds(2), 10).Probe(new Timeline(clock));
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5), clock);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (var _ in probe.WithCancellation(cts.Token))
                {
                }
            });
            return probe;
        });

        var enumeration = Assert.Single(probe.Enumerations);
        Assert.Equal(TimeSpan.FromSeconds(5), enumeration.TokenCanceledAt);
        Assert.Equal(EnumerationOutcome.Canceled, enumeration.Outcome);
        Assert.Equal([1, 2], enumeration.Items);
        Assert.Equal(
            [
                new(TimeSpan.FromSeconds(4), "source", 1, TimelineEventKind.MoveNextStarted),
                new(TimeSpan.FromSeconds(5), "source", 1, TimelineEventKind.TokenCanceled),
                new(TimeSpan.FromSeconds(5), "source", 1, TimelineEventKind.Canceled),
                new(TimeSpan.FromSeconds(5), "source", 1, TimelineEventKind.DisposeStarted),
                new(TimeSpan.FromSeconds(5), "source", 1, TimelineEventKind.Disposed),
            ],
            probe.Events.Skip(5));
    }

    [Fact]
    public async Task GetAsyncEnumerator_TokenAlreadyCanceled_RecordsCancellationRightAfter()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var probe = TestSources.Sync(1).Probe();

        await using var enumerator = probe.GetAsyncEnumerator(cts.Token);

        Assert.Equal([TimelineEventKind.GetAsyncEnumerator, TimelineEventKind.TokenCanceled], probe.Events.Select(e => e.Kind));
        Assert.NotNull(probe.Enumerations[0].TokenCanceledAt);
    }

    [Fact]
    public async Task TokenCanceled_SourceIgnoresToken_RecordedOnceAndEnumerationGoesOn()
    {
        using var cts = new CancellationTokenSource();
        var probe = TestSources.Sync(1, 2).Probe();
        var items = new List<int>();

        await foreach (var item in probe.WithCancellation(cts.Token))
        {
            items.Add(item);
            await cts.CancelAsync();
        }

        Assert.Equal([1, 2], items);
        Assert.Single(probe.Events, e => e.Kind == TimelineEventKind.TokenCanceled);
        Assert.Equal(EnumerationOutcome.Completed, probe.Enumerations[0].Outcome);
    }

    [Fact]
    public async Task TokenCanceled_AfterDispose_NotRecorded()
    {
        using var cts = new CancellationTokenSource();
        var probe = TestSources.Sync(1).Probe();
        await probe.ToListAsync(cts.Token);

        await cts.CancelAsync();

        Assert.DoesNotContain(probe.Events, e => e.Kind == TimelineEventKind.TokenCanceled);
        Assert.Null(probe.Enumerations[0].TokenCanceledAt);
    }
}
