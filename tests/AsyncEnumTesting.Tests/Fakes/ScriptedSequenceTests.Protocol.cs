namespace AsyncEnumTesting.Tests.Fakes;

public sealed partial class ScriptedSequenceTests
{
    [Fact]
    public async Task MoveNextAsync_WhilePending_ThrowsOverlapMessage()
    {
        var clock = new VirtualClock();
        var source = FakeSequence.Script<int>(clock, "orders").Wait(Second).Yield(1);
        var e = source.GetAsyncEnumerator();
        var pending = e.MoveNextAsync();

        var ex = Assert.Throws<InvalidOperationException>(() => e.MoveNextAsync());

        Assert.Equal(
            "MoveNextAsync was called on enumeration #1 of scripted sequence \"orders\" while its previous MoveNextAsync (called at 00:00.000) was still pending. Await each MoveNextAsync before calling the next one: an async enumerator does not support overlapping calls.",
            ex.Message);
        await clock.AdvanceAsync(Second);
        Assert.True(await pending);
    }

    [Fact]
    public async Task DisposeAsync_Twice_CountsOnce()
    {
        var source = FakeSequence.Script<int>().Yield(1);
        var e = source.GetAsyncEnumerator();

        await e.DisposeAsync();
        await e.DisposeAsync();

        Assert.Equal(1, source.Disposals);
        Assert.Equal(0, source.ActiveEnumerations);
        Assert.False(await e.MoveNextAsync());
    }

    [Fact]
    public async Task DisposeAsync_WhilePending_ThrowsSayingToAwaitFirst()
    {
        var clock = new VirtualClock();
        var source = FakeSequence.Script<int>(clock, "orders").Wait(Second).Yield(1);
        var e = source.GetAsyncEnumerator();
        var pending = e.MoveNextAsync();

        var ex = Assert.Throws<InvalidOperationException>(() => e.DisposeAsync());

        Assert.Equal(
            "DisposeAsync was called on enumeration #1 of scripted sequence \"orders\" while MoveNextAsync (called at 00:00.000) was still pending. A compiler-generated async iterator throws NotSupportedException there; a correct consumer cancels the enumerator's token, awaits the pending MoveNextAsync, then disposes.",
            ex.Message);
        await clock.AdvanceAsync(Second);
        Assert.True(await pending);
        await e.DisposeAsync();
    }

    [Fact]
    public async Task Wait_ReadStepwiseInPlainTest_ReaderDrivesTheClock()
    {
        var clock = new VirtualClock();
        var source = FakeSequence.Script<int>(clock).Yield(1).Wait(TimeSpan.FromSeconds(30)).Yield(2);
        await using var reader = source.OpenReader(clock);

        Assert.Equal(1, await reader.AwaitItemAsync());
        Assert.Equal(2, await reader.AwaitItemAsync());
        await reader.AwaitCompletionAsync();

        Assert.Equal(TimeSpan.FromSeconds(30), clock.Elapsed);
    }
}
