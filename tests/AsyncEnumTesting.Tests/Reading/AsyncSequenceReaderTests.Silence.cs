namespace AsyncEnumTesting.Tests.Reading;

public sealed partial class AsyncSequenceReaderTests
{
    [Fact]
    public async Task AwaitNoEventsWithinAsync_SilentWindow_AdvancesTheClockAndPasses()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, 5 * Second, [1]).OpenReader(clock);

        await reader.AwaitNoEventsWithinAsync(4 * Second);

        Assert.Equal(4 * Second, clock.Elapsed);
        Assert.Equal(1, await reader.AwaitItemAsync());
        Assert.Equal(5 * Second, clock.Elapsed);
        await reader.AwaitCompletionAsync();
    }

    [Fact]
    public async Task AwaitNoEventsWithinAsync_ItemInsideWindow_FailsNamingItAndItsTime()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.At(clock, [(0, 1), (1.5, 2)]).OpenReader(clock);
        await reader.AwaitItemAsync();

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.AwaitNoEventsWithinAsync(2 * Second));

        Assert.Equal(
            """
            Expected no events within 00:02.000, but the sequence yielded 2 at 00:01.500.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.000  #1 MoveNextAsync -> 1
              00:01.500  #1 MoveNextAsync -> 2      <- inside the window
            """,
            ex.Message);
    }

    [Fact]
    public async Task AwaitNoEventsWithinAsync_ItemAtWindowEnd_Fails()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, 2 * Second, [1]).OpenReader(clock);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.AwaitNoEventsWithinAsync(2 * Second));

        Assert.StartsWith("Expected no events within 00:02.000, but the sequence yielded 1 at 00:02.000.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitNoEventsWithinAsync_ItemAvailableBeforeTheCall_Fails()
    {
        // reactor-test's expectNoEvent passes here: it only watches what arrives while it advances the clock.
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, TimeSpan.Zero, [1, 2]).OpenReader(clock);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.AwaitNoEventsWithinAsync(Second));

        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
        Assert.Equal(
            """
            Expected no events within 00:01.000, but the sequence had already yielded 1 at 00:00.000 (not consumed yet).
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.000  #1 MoveNextAsync -> 1      <- before the window, not consumed
            """,
            ex.Message);
    }

    [Fact]
    public async Task AwaitNoEventsWithinAsync_ItemArrivedWhileTestAdvancedTheClock_Fails()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.At(clock, [(0.5, 1)]).OpenReader(clock);
        await clock.AdvanceAsync(Second);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.AwaitNoEventsWithinAsync(Second));

        Assert.StartsWith(
            "Expected no events within 00:01.000, but the sequence had already yielded 1 at 00:00.500 (not consumed yet).",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitNoEventsWithinAsync_CompletionInsideWindow_Fails()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.At(clock, [(0, 1), (0.3, 2)]).OpenReader(clock);
        await reader.AwaitItemsAsync(2);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.AwaitNoEventsWithinAsync(Second));

        Assert.StartsWith(
            "Expected no events within 00:01.000, but the sequence had already completed at 00:00.300 (not consumed yet).",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitNoEventsWithinAsync_AfterEndConsumed_OnlyPassesTime()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, Second, []).OpenReader(clock);
        await reader.AwaitCompletionAsync();

        await reader.AwaitNoEventsWithinAsync(10 * Second);

        Assert.Equal(10 * Second, clock.Elapsed);
    }

    [Fact]
    public async Task AwaitNoEventsWithinAsync_WokenWorkBlocks_FailsWithTheClockDiagnosis()
    {
        var clock = new VirtualClock { RealTimeGrace = TimeSpan.FromMilliseconds(50) };
        var release = new TaskCompletionSource();
        var blocked = BlockAfterDelayAsync(clock, release.Task);
        await using var reader = Sources.Timed(clock, Second, [1]).OpenReader(clock, new() { IgnoreRemainingEvents = true });

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.AwaitNoEventsWithinAsync(TimeSpan.FromMilliseconds(500)));
        release.SetResult();
        await blocked;

        Assert.StartsWith("Expected no events within 00:00.500, but the clock could not pass the window: AdvanceAsync waited", ex.Message, StringComparison.Ordinal);
        Assert.IsType<VirtualTimeException>(ex.InnerException);

        static async Task BlockAfterDelayAsync(VirtualClock clock, Task release)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock);
            release.Wait(); // A continuation that blocks: what the clock's diagnosis is for.
        }
    }

    [Fact]
    public async Task AwaitNoEventsWithinAsync_WithoutClockNothingWritten_Passes()
    {
        var channel = System.Threading.Channels.Channel.CreateUnbounded<int>();
        await using var reader = channel.Reader.ReadAllAsync().OpenReader();

        await reader.AwaitNoEventsWithinAsync(TimeSpan.Zero);

        channel.Writer.Complete();
        await reader.AwaitCompletionAsync();
    }

    [Fact]
    public async Task AwaitNoEventsWithinAsync_WithoutClockItemAvailable_Fails()
    {
        await using var reader = AsyncEnumerable.Range(1, 2).OpenReader();

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.AwaitNoEventsWithinAsync(TimeSpan.Zero));

        Assert.StartsWith("Expected no events within 00:00.000, but the sequence had already yielded 1 at ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Timeline (real time):", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitNoEventsWithinAsync_WithoutClockWindowLongerThanTimeout_Throws()
    {
        await using var reader = Sources.Endless().OpenReader(options: new() { IgnoreRemainingEvents = true });

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => reader.AwaitNoEventsWithinAsync(TimeSpan.FromMinutes(1)));
    }
}
