namespace AsyncEnumTesting.Tests.Sequences;

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
            "MoveNextAsync was called on scripted sequence \"orders\" #1 while its previous MoveNextAsync is still pending. Await each MoveNextAsync before calling the next one.",
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
            "DisposeAsync was called on scripted sequence \"orders\" #1 while a MoveNextAsync is still pending. A compiler-generated async iterator throws NotSupportedException there; a correct consumer cancels the enumerator's token, awaits the pending MoveNextAsync, then disposes.",
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
