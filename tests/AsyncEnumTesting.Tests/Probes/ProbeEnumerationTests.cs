namespace AsyncEnumTesting.Tests.Probes;

public sealed class ProbeEnumerationTests
{
    [Fact]
    public async Task ToString_Faulted_SaysWhenAndDisposal()
    {
        var probe = TestSources.Failing(new InvalidOperationException(), 1).Probe(new Timeline(new VirtualClock()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => probe.ToListAsync().AsTask());

        Assert.Equal("#1: 1 item(s), Faulted at 00:00.000, disposed at 00:00.000", probe.Enumerations[0].ToString());
    }

    [Fact]
    public async Task Snapshot_TakenBeforeMoreItems_DoesNotChange()
    {
        var probe = TestSources.Sync(1, 2).Probe();
        await using var enumerator = probe.GetAsyncEnumerator();
        await enumerator.MoveNextAsync();
        var before = probe.Enumerations[0];

        await enumerator.MoveNextAsync();

        Assert.Equal([1], before.Items);
        Assert.Equal([1, 2], probe.Enumerations[0].Items);
    }
}
