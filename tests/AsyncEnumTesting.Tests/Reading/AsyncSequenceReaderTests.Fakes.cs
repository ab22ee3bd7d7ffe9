namespace AsyncEnumTesting.Tests.Reading;

public sealed partial class AsyncSequenceReaderTests
{
    [Fact]
    public async Task AwaitItemAsync_MarbleFake_ReadsItAtItsTimes()
    {
        var clock = new VirtualClock();
        var source = FakeSequence.FromMarbles(clock, "-a 1s b-|");
        await using var reader = source.OpenReader(clock);

        Assert.Equal('a', await reader.AwaitItemAsync());
        Assert.Equal(TimeSpan.FromMilliseconds(10), clock.Elapsed);
        await reader.AwaitNoEventsWithinAsync(TimeSpan.FromMilliseconds(900));
        Assert.Equal('b', await reader.AwaitItemAsync());
        Assert.Equal(TimeSpan.FromMilliseconds(1020), clock.Elapsed);
        await reader.AwaitCompletionAsync();
        Assert.Equal(TimeSpan.FromMilliseconds(1040), clock.Elapsed);
    }

    [Fact]
    public void OpenReader_MarbleFakeOnAnotherClock_ThrowsAtOnce()
    {
        var fakeClock = new VirtualClock();
        var clock = new VirtualClock();
        var source = FakeSequence.FromMarbles(fakeClock, "-a-b|");

        var ex = Assert.Throws<ArgumentException>(() => source.OpenReader(clock));

        Assert.Equal(
            "The source runs on another VirtualClock: marble sequence \"marbles\" waits on the clock it was created with " +
            "(VirtualClock at 00:00.000 (2000-01-01T00:00:00.000Z), 0 timer(s) pending), not on clock " +
            "(VirtualClock at 00:00.000 (2000-01-01T00:00:00.000Z), 0 timer(s) pending), so nothing would move its time. " +
            "Pass the fake's clock, or create the fake with the clock you pass. (Parameter 'clock')",
            ex.Message);
        Assert.Equal(0, fakeClock.PendingTimerCount); // refused before GetAsyncEnumerator: nothing started
    }

    [Fact]
    public async Task AwaitItemAsync_MarbleFakeInRun_SeesTheError()
    {
        var error = await VirtualTime.RunAsync(async clock =>
        {
            var source = FakeSequence.FromMarbles(clock, "-a--#", new TimeoutException("late"));
            await using var reader = source.OpenReader(clock);
            await reader.AwaitItemAsync();
            return await reader.AwaitErrorAsync<TimeoutException>();
        });

        Assert.Equal("late", error.Message);
    }

    [Fact]
    public async Task AwaitItemAsync_DrivenFake_ReadsWhatTheTestEmits()
    {
        var clock = new VirtualClock();
        var source = FakeSequence.Driven<int>(clock);
        await using var reader = source.OpenReader(clock);

        await reader.AwaitNoEventsWithinAsync(Second);
        source.Emit(1);
        Assert.Equal(1, await reader.AwaitItemAsync());
        source.Emit(2);
        source.Complete();

        Assert.Equal(2, await reader.AwaitItemAsync());
        await reader.AwaitCompletionAsync();
    }

    [Fact]
    public async Task CancelAsync_HangingMarbleFake_FailsFastThenStopsIt()
    {
        var clock = new VirtualClock();
        var source = FakeSequence.FromMarbles(clock, "ab");
        var reader = source.OpenReader(clock, Short);
        await reader.AwaitItemsAsync(2);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitCompletionAsync);
        await reader.CancelAsync();
        await reader.DisposeAsync();

        Assert.StartsWith(
            "Expected the sequence to complete, but nothing can happen any more: no timer is pending on the clock and nothing completed the wait within 0.050 s",
            ex.Message,
            StringComparison.Ordinal);
        Assert.Equal(TimelineEventKind.Disposed, reader.Timeline.Events[^1].Kind);
    }
}
