using System.Threading.Channels;

namespace AsyncEnumTesting.Tests.Probes;

public sealed partial class ProbeTests
{
    [Fact]
    public async Task Probe_ChannelReadAllAsync_RecordsItemsAndCompletion()
    {
        var channel = Channel.CreateUnbounded<int>();
        var probe = channel.Reader.ReadAllAsync(CancellationToken.None).Probe(new Timeline(new VirtualClock()), "channel");
        await channel.Writer.WriteAsync(1);
        await channel.Writer.WriteAsync(2);
        channel.Writer.Complete();

        var items = await probe.ToListAsync();

        Assert.Equal([1, 2], items);
        Assert.Equal(EnumerationOutcome.Completed, probe.Enumerations[0].Outcome);
        Assert.Empty(probe.UndisposedEnumerations);
    }

    [Fact]
    public async Task Probe_ChannelReadAllAsyncCanceledWhileWaiting_RecordsCancellationBeforeCanceled()
    {
        using var cts = new CancellationTokenSource();
        var channel = Channel.CreateUnbounded<int>();
        var probe = channel.Reader.ReadAllAsync(CancellationToken.None).Probe();
        var enumerator = probe.GetAsyncEnumerator(cts.Token);
        var move = enumerator.MoveNextAsync();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => move.AsTask());
        await enumerator.DisposeAsync();
        var kinds = probe.Events.Select(e => e.Kind).ToList();
        Assert.Equal(
            [
                TimelineEventKind.GetAsyncEnumerator, TimelineEventKind.MoveNextStarted, TimelineEventKind.TokenCanceled,
                TimelineEventKind.Canceled, TimelineEventKind.DisposeStarted, TimelineEventKind.Disposed,
            ],
            kinds);
        Assert.Equal(EnumerationOutcome.Canceled, probe.Enumerations[0].Outcome);
    }

    [Fact]
    public async Task Probe_SystemLinqTake_SourceStoppedAfterTwoAndDisposed()
    {
        using var cts = new CancellationTokenSource();
        var probe = TestSources.Sync(1, 2, 3, 4).Probe(new Timeline(new VirtualClock()));

        var items = await probe.Take(2).ToListAsync(cts.Token);

        Assert.Equal([1, 2], items);
        var enumeration = Assert.Single(probe.Enumerations);
        Assert.True(enumeration.TokenCanBeCanceled);
        Assert.Equal(EnumerationOutcome.Abandoned, enumeration.Outcome);
        Assert.True(enumeration.IsDisposed);
        Assert.Equal(2, probe.Events.Count(e => e.Kind == TimelineEventKind.MoveNextStarted));
        Assert.Empty(probe.Violations);
    }
}
