namespace AsyncEnumTesting.Tests.Probes;

public sealed partial class ProbeTests
{
    [Fact]
    public async Task MoveNextAsync_Overlapping_ThrowsRecordsAndLeavesFirstCallAlone()
    {
        var clock = new VirtualClock();
        var source = new HandSource();
        var probe = source.Probe(new Timeline(clock), "orders");
        var enumerator = probe.GetAsyncEnumerator();
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        var first = enumerator.MoveNextAsync();
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));

        var ex = Assert.Throws<InvalidOperationException>(() => enumerator.MoveNextAsync());

        const string expected = "MoveNextAsync was called on enumeration #1 of probe \"orders\" while its previous MoveNextAsync (called at 00:01.000) " +
            "was still pending. Await each MoveNextAsync before calling the next one: an async enumerator does not support overlapping calls.";
        Assert.Equal(expected, ex.Message);
        Assert.Equal(1, source.Enumerators[0].MoveNextCalls);
        var violation = Assert.Single(probe.Violations);
        Assert.Equal(ProbeViolationKind.OverlappingMoveNext, violation.Kind);
        Assert.Equal(1, violation.Enumeration);
        Assert.Equal(TimeSpan.FromSeconds(2), violation.Time);
        Assert.Equal(expected, violation.Message);
        Assert.Equal(expected, violation.ToString());
        Assert.Equal(new TimelineEvent(TimeSpan.FromSeconds(2), "orders", 1, TimelineEventKind.Violation, expected), probe.Events[^1]);

        source.Enumerators[0].Yield(5);
        Assert.True(await first);
        Assert.Equal(5, enumerator.Current);
        await enumerator.DisposeAsync();
        Assert.Single(probe.Violations);
    }

    [Fact]
    public async Task MoveNextAsync_OverlappingWithThrowOnMisuseOff_RecordsAndPassesOn()
    {
        var source = new HandSource();
        var probe = source.Probe();
        probe.ThrowOnMisuse = false;
        var enumerator = probe.GetAsyncEnumerator();

        var first = enumerator.MoveNextAsync();
        var second = enumerator.MoveNextAsync();
        source.Enumerators[0].Yield(1);
        Assert.True(await first);
        source.Enumerators[0].Yield(2);
        Assert.True(await second);
        Assert.Equal(2, source.Enumerators[0].MoveNextCalls);
        Assert.Equal(ProbeViolationKind.OverlappingMoveNext, Assert.Single(probe.Violations).Kind);
        Assert.Equal([1, 2], probe.Items);
        await enumerator.DisposeAsync();
    }

    [Fact]
    public async Task MoveNextAsync_AfterDispose_Throws()
    {
        var clock = new VirtualClock();
        var probe = TestSources.Sync(1, 2).Probe(new Timeline(clock), "orders");
        var enumerator = probe.GetAsyncEnumerator();
        await enumerator.MoveNextAsync();
        await clock.AdvanceAsync(TimeSpan.FromSeconds(3));
        await enumerator.DisposeAsync();

        var ex = Assert.Throws<InvalidOperationException>(() => enumerator.MoveNextAsync());

        Assert.Equal(
            "MoveNextAsync was called on enumeration #1 of probe \"orders\" after DisposeAsync (called at 00:03.000). " +
            "A disposed enumerator cannot move: call GetAsyncEnumerator to start a new enumeration.",
            ex.Message);
        Assert.Equal(ProbeViolationKind.MoveNextAfterDispose, Assert.Single(probe.Violations).Kind);
        Assert.Equal(TimelineEventKind.Violation, probe.Events[^1].Kind);
    }

    [Fact]
    public async Task MoveNextAsync_AfterDisposeWithThrowOnMisuseOff_PassesOnToSource()
    {
        var source = new HandSource();
        var probe = source.Probe();
        probe.ThrowOnMisuse = false;
        var enumerator = probe.GetAsyncEnumerator();
        await enumerator.DisposeAsync();

        var move = enumerator.MoveNextAsync();
        source.Enumerators[0].Complete();

        Assert.False(await move);
        Assert.Equal(1, source.Enumerators[0].MoveNextCalls);
        Assert.Equal(ProbeViolationKind.MoveNextAfterDispose, Assert.Single(probe.Violations).Kind);
    }

    [Fact]
    public async Task Current_AfterDispose_Throws()
    {
        var probe = TestSources.Sync(1).Probe(new Timeline(new VirtualClock()), "orders");
        var enumerator = probe.GetAsyncEnumerator();
        await enumerator.MoveNextAsync();
        await enumerator.DisposeAsync();

        var ex = Assert.Throws<InvalidOperationException>(() => enumerator.Current);

        Assert.Equal(
            "Current was read on enumeration #1 of probe \"orders\" after DisposeAsync (called at 00:00.000). " +
            "Read Current only after a MoveNextAsync that returned true, before disposing.",
            ex.Message);
        Assert.Equal(ProbeViolationKind.CurrentAfterDispose, Assert.Single(probe.Violations).Kind);
    }

    [Fact]
    public async Task Current_BeforeFirstMoveNext_ThrowsAndRecords()
    {
        var probe = TestSources.Sync(1).Probe(new Timeline(new VirtualClock()), "orders");
        await using var enumerator = probe.GetAsyncEnumerator();

        var ex = Assert.Throws<InvalidOperationException>(() => enumerator.Current);

        Assert.Equal(
            "Current was read on enumeration #1 of probe \"orders\" before a MoveNextAsync returned true. " +
            "Read Current only after a MoveNextAsync that returned true, before disposing.",
            ex.Message);
        Assert.Equal(ProbeViolationKind.CurrentBeforeMoveNext, Assert.Single(probe.Violations).Kind);
    }

    [Fact]
    public async Task Current_AfterMoveNextReturnedFalse_ThrowsAndRecords()
    {
        var probe = TestSources.Sync(1).Probe(new Timeline(new VirtualClock()), "orders");
        await using var enumerator = probe.GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());
        Assert.False(await enumerator.MoveNextAsync());

        var ex = Assert.Throws<InvalidOperationException>(() => enumerator.Current);

        Assert.Equal(
            "Current was read on enumeration #1 of probe \"orders\" after MoveNextAsync returned false (at 00:00.000). " +
            "Read Current only after a MoveNextAsync that returned true, before disposing.",
            ex.Message);
        Assert.Equal(ProbeViolationKind.CurrentAfterCompletion, Assert.Single(probe.Violations).Kind);
    }

    [Fact]
    public async Task Current_AfterMoveNextReturnedTrue_ReturnsItemWithoutViolation()
    {
        var probe = TestSources.Sync(1, 2).Probe();
        await using var enumerator = probe.GetAsyncEnumerator();

        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(1, enumerator.Current);
        Assert.Equal(1, enumerator.Current);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(2, enumerator.Current);

        Assert.Empty(probe.Violations);
    }

    [Fact]
    public async Task Current_AfterDisposeWithThrowOnMisuseOff_ReturnsLastItem()
    {
        var probe = TestSources.Sync(1).Probe();
        probe.ThrowOnMisuse = false;
        var enumerator = probe.GetAsyncEnumerator();
        await enumerator.MoveNextAsync();
        await enumerator.DisposeAsync();

        Assert.Equal(1, enumerator.Current);
        Assert.Equal(ProbeViolationKind.CurrentAfterDispose, Assert.Single(probe.Violations).Kind);
    }

    [Fact]
    public async Task DisposeAsync_Twice_RecordsWithoutThrowingAndDisposesSourceOnce()
    {
        var clock = new VirtualClock();
        var source = new HandSource();
        var probe = source.Probe(new Timeline(clock), "orders");
        var enumerator = probe.GetAsyncEnumerator();
        await enumerator.DisposeAsync();
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));

        await enumerator.DisposeAsync();

        Assert.Equal(1, source.Enumerators[0].DisposeCalls);
        var violation = Assert.Single(probe.Violations);
        Assert.Equal(ProbeViolationKind.DoubleDispose, violation.Kind);
        Assert.Equal(
            "DisposeAsync was called again on enumeration #1 of probe \"orders\" (first called at 00:00.000). " +
            ".NET allows this, but it often means two owners dispose the same enumerator.",
            violation.Message);
        Assert.Equal(TimeSpan.FromSeconds(1), violation.Time);
    }

    [Fact]
    public async Task DisposeAsync_WhileMoveNextPending_ThrowsAndLeavesSourceAlone()
    {
        var clock = new VirtualClock();
        var source = new HandSource();
        var probe = source.Probe(new Timeline(clock), "orders");
        var enumerator = probe.GetAsyncEnumerator();
        var move = enumerator.MoveNextAsync();
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));

        var ex = Assert.Throws<InvalidOperationException>(() => enumerator.DisposeAsync());

        Assert.Equal(
            "DisposeAsync was called on enumeration #1 of probe \"orders\" while MoveNextAsync (called at 00:00.000) was still pending. " +
            "A compiler-generated async iterator throws NotSupportedException there; a correct consumer cancels the enumerator's token, awaits the pending MoveNextAsync, then disposes.",
            ex.Message);
        Assert.Equal(0, source.Enumerators[0].DisposeCalls);
        Assert.Equal(ProbeViolationKind.DisposeWhileMoveNextPending, Assert.Single(probe.Violations).Kind);

        source.Enumerators[0].Complete();
        Assert.False(await move);
        await enumerator.DisposeAsync();
        Assert.Equal(1, source.Enumerators[0].DisposeCalls);
        Assert.Empty(probe.UndisposedEnumerations);
    }

    [Fact]
    public async Task DisposeAsync_WhileMoveNextPendingWithThrowOnMisuseOff_PassesOn()
    {
        var source = new HandSource();
        var probe = source.Probe();
        probe.ThrowOnMisuse = false;
        var enumerator = probe.GetAsyncEnumerator();
        var move = enumerator.MoveNextAsync();

        await enumerator.DisposeAsync();

        Assert.Equal(1, source.Enumerators[0].DisposeCalls);
        Assert.Equal(ProbeViolationKind.DisposeWhileMoveNextPending, Assert.Single(probe.Violations).Kind);
        source.Enumerators[0].Complete();
        Assert.False(await move);
    }

    [Fact]
    public async Task UndisposedEnumerations_ConsumerForgetsDispose_ListsIt()
    {
        var probe = TestSources.Sync(1, 2).Probe();
        await using (var disposed = probe.GetAsyncEnumerator())
        {
            await disposed.MoveNextAsync();
        }

        var forgotten = probe.GetAsyncEnumerator();
        await forgotten.MoveNextAsync();

        var undisposed = Assert.Single(probe.UndisposedEnumerations);
        Assert.Equal(2, undisposed.Number);
        Assert.Equal(EnumerationOutcome.Running, undisposed.Outcome);
        Assert.False(undisposed.IsDisposed);
        Assert.Equal("#2: 1 item(s), Running, not disposed", undisposed.ToString());
        Assert.Empty(probe.Violations);
    }
}
