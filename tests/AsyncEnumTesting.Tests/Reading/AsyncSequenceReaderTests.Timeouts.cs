namespace AsyncEnumTesting.Tests.Reading;

public sealed partial class AsyncSequenceReaderTests
{
    private static readonly AsyncSequenceReaderOptions Short = new() { RealTimeLimit = TimeSpan.FromMilliseconds(50) };

    [Fact]
    public async Task AwaitItemAsync_SilentLongerThanVirtualTimeLimit_FailsAtTheTimeout()
    {
        // No real work to wait for: a short grace before the failure, not the default second (VirtualClockTests proves that).
        var clock = new VirtualClock { RealTimeGrace = TimeSpan.FromMilliseconds(200) };
        var reader = Sources.Timed(clock, TimeSpan.FromHours(2), [1]).OpenReader(clock);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitItemAsync);
        await reader.DisposeAsync();

        Assert.Equal(TimeSpan.FromHours(1), clock.Elapsed);
        Assert.IsType<VirtualTimeException>(ex.InnerException);
        Assert.Equal(
            """
            Expected an item, but nothing happened within 1:00:00.000 of virtual time.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.000  #1 MoveNextAsync started
            """,
            ex.Message);
    }

    [Fact]
    public async Task AwaitItemAsync_CustomVirtualTimeLimit_WaitsThatLong()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, TimeSpan.FromMinutes(2), [1]).OpenReader(clock, new() { VirtualTimeLimit = TimeSpan.FromMinutes(3) });

        Assert.Equal(1, await reader.AwaitItemAsync());
        await reader.AwaitCompletionAsync();
    }

    [Fact]
    public async Task AwaitItemAsync_NothingCanHappenOnTheClock_FailsAfterRealTimeout()
    {
        var clock = new VirtualClock();
        var reader = Sources.Waiting(new TaskCompletionSource().Task).OpenReader(clock, Short);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitItemAsync);
        await reader.DisposeAsync();

        Assert.Equal(
            """
            Expected an item, but nothing can happen any more: no timer is pending on the clock and nothing completed the wait within 0.050 s of real time: code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), or wait on a TaskCompletionSource, channel or lock that nothing completes.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.000  #1 MoveNextAsync started
            """,
            ex.Message);
    }

    [Fact]
    public async Task AwaitItemAsync_ClockGraceShorterThanTimeout_UsesTheClockGrace()
    {
        var clock = new VirtualClock { RealTimeGrace = TimeSpan.FromMilliseconds(20) };
        var reader = Sources.Waiting(new TaskCompletionSource().Task).OpenReader(clock);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitItemAsync);
        await reader.DisposeAsync();

        Assert.StartsWith(
            "Expected an item, but nothing can happen any more: no timer is pending on the clock and nothing completed the wait within 0.020 s of real time",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitItemAsync_WithoutClockNothingComes_FailsAfterRealTimeout()
    {
        var channel = System.Threading.Channels.Channel.CreateUnbounded<int>();
        var reader = channel.Reader.ReadAllAsync().OpenReader(options: Short);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitCompletionAsync);
        await reader.DisposeAsync();

        Assert.StartsWith(
            "Expected the sequence to complete, but nothing happened within 0.050 s of real time." + Environment.NewLine + "Timeline (real time):",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitItemAsync_InRunSilentLongerThanVirtualTimeLimit_FailsAtTheTimeout()
    {
        var (message, elapsed, pending) = await VirtualTime.RunAsync(
            async clock =>
            {
                var reader = Sources.Timed(clock, TimeSpan.FromHours(2), [1]).OpenReader(clock);
                var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitItemAsync);
                var at = clock.Elapsed;
                await reader.DisposeAsync();
                return (ex.Message, at, clock.PendingTimerCount);
            },
            QuietRun);

        Assert.Equal(TimeSpan.FromHours(1), elapsed);
        Assert.Equal(0, pending);
        Assert.Equal(
            """
            Expected an item, but nothing happened within 1:00:00.000 of virtual time.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.000  #1 MoveNextAsync started
            """,
            message);
    }

    [Fact]
    public async Task AwaitItemAsync_InRunNothingCanHappen_FailsAtTheVirtualTimeLimit()
    {
        var message = await VirtualTime.RunAsync(
            async clock =>
            {
                // The virtual deadline fires once the run stayed quiet for its grace: the reader's real limit must be longer.
                await using var reader = Sources.Waiting(new TaskCompletionSource().Task).OpenReader(clock, new AsyncSequenceReaderOptions { RealTimeLimit = TimeSpan.FromSeconds(10) });
                var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitItemAsync);
                return ex.Message;
            },
            new VirtualTimeOptions { RealTimeGrace = TimeSpan.FromMilliseconds(50) });

        Assert.StartsWith(
            "Expected an item, but nothing happened within 1:00:00.000 of virtual time, and no timer is pending on the clock, so nothing in virtual " +
            "time would have ended the wait: code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), or wait " +
            "on a TaskCompletionSource, channel or lock that nothing completes.",
            message,
            StringComparison.Ordinal);
    }
}
