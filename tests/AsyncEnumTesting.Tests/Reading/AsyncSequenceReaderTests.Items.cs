namespace AsyncEnumTesting.Tests.Reading;

public sealed partial class AsyncSequenceReaderTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task AwaitItemAsync_TimedItems_ReturnsEachAtItsTime()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, Second, [1, 2]).OpenReader(clock);

        Assert.Equal(1, await reader.AwaitItemAsync());
        Assert.Equal(Second, clock.Elapsed);
        Assert.Equal(2, await reader.AwaitItemAsync());
        Assert.Equal(2 * Second, clock.Elapsed);
        await reader.AwaitCompletionAsync();
    }

    [Fact]
    public async Task AwaitItemAsync_SequenceCompleted_FailsNamingItemCount()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, Second, [1, 2]).OpenReader(clock);
        await reader.SkipItemsAsync(2);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitItemAsync);

        Assert.Equal(
            """
            Expected an item, but the sequence completed after 2 items.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:01.000  #1 MoveNextAsync -> 1
              00:02.000  #1 MoveNextAsync -> 2
              00:02.000  #1 MoveNextAsync -> completed      <- expected an item
              00:02.000  #1 DisposeAsync
            """,
            ex.Message);
    }

    [Fact]
    public async Task AwaitItemAsync_SequenceFailed_FailsWithTheSequenceExceptionInside()
    {
        var clock = new VirtualClock();
        var boom = new InvalidOperationException("boom");
        await using var reader = Sources.Timed(clock, Second, [1], boom).OpenReader(clock);
        await reader.AwaitItemAsync();

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitItemAsync);

        Assert.Same(boom, ex.InnerException);
        Assert.Equal(
            """
            Expected an item, but the sequence failed after 1 item, at 00:01.000 (00:00.000 after item [0], 00:01.000 into the stream), with InvalidOperationException: boom.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator      token: cancellable
              00:01.000  #1 MoveNextAsync -> 1
              00:01.000  #1 MoveNextAsync -> threw  InvalidOperationException: boom      <- expected an item
              00:01.000  #1 DisposeAsync
            """,
            ex.Message);
    }

    [Fact]
    public async Task AwaitItemAsync_EndAlreadyConsumed_FailsSayingSo()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, TimeSpan.Zero, [7]).OpenReader(clock);
        await reader.AwaitItemAsync();
        await reader.AwaitCompletionAsync();

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitItemAsync);

        Assert.StartsWith("Expected an item, but the sequence had already completed after 1 item.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitItemsAsync_EnoughItems_ReturnsThemInOrder()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, Second, [1, 2, 3]).OpenReader(clock);

        Assert.Equal([1, 2], await reader.AwaitItemsAsync(2));
        Assert.Equal([3], await reader.AwaitItemsAsync(1));
        Assert.Empty(await reader.AwaitItemsAsync(0));
        await reader.AwaitCompletionAsync();
    }

    [Fact]
    public async Task AwaitItemsAsync_TooFewItems_FailsNamingWhatCame()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, Second, [1, 2]).OpenReader(clock);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.AwaitItemsAsync(3));

        Assert.Equal(
            """
            Expected 3 items, but received [1, 2], then the sequence completed after 2 items.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:01.000  #1 MoveNextAsync -> 1
              00:02.000  #1 MoveNextAsync -> 2
              00:02.000  #1 MoveNextAsync -> completed      <- expected an item
              00:02.000  #1 DisposeAsync
            """,
            ex.Message);
    }

    [Fact]
    public async Task AwaitItemsAsync_NegativeCount_Throws()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, Second, [1]).OpenReader(clock, new() { IgnoreRemainingEvents = true });

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => reader.AwaitItemsAsync(-1));
    }

    [Fact]
    public async Task AwaitItemMatchingAsync_MatchAfterOthers_SkipsToIt()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, Second, [1, 2, 30, 4]).OpenReader(clock);

        Assert.Equal(30, await reader.AwaitItemMatchingAsync(x => x > 10));
        Assert.Equal(4, await reader.AwaitItemAsync());
        await reader.AwaitCompletionAsync();
    }

    [Fact]
    public async Task AwaitItemMatchingAsync_NoMatchBeforeEnd_FailsNamingSkippedItems()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, Second, [1, 2, 3]).OpenReader(clock);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.AwaitItemMatchingAsync(x => x > 10));

        Assert.Equal(
            """
            Expected an item matching x => x > 10, but skipped [1, 2, 3], then the sequence completed after 3 items.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:01.000  #1 MoveNextAsync -> 1
              00:02.000  #1 MoveNextAsync -> 2
              00:03.000  #1 MoveNextAsync -> 3
              00:03.000  #1 MoveNextAsync -> completed      <- expected an item
              00:03.000  #1 DisposeAsync
            """,
            ex.Message);
    }

    [Fact]
    public async Task AwaitItemMatchingAsync_EndlessSourceNeverMatches_FailsAfterTheVirtualTimeLimit()
    {
        var clock = new VirtualClock();
        await using var reader = Endless(clock, TimeSpan.FromMinutes(1)).OpenReader(clock, new() { IgnoreRemainingEvents = true });

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.AwaitItemMatchingAsync(x => x < 0));

        Assert.StartsWith(
            "Expected an item matching x => x < 0, but skipped 61 items over 1:01:00.000 of virtual time (the limit for a search is " +
            "1:00:00.000) without one matching (the last: 61).",
            ex.Message,
            StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(61), clock.Elapsed);
    }

    [Fact]
    public async Task AwaitItemMatchingAsync_EndlessSynchronousSourceNeverMatches_FailsAfterSkippingTheMost()
    {
        var clock = new VirtualClock();
        await using var reader = Endless(clock, TimeSpan.Zero).OpenReader(clock, new() { IgnoreRemainingEvents = true });

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.AwaitItemMatchingAsync(x => x < 0));

        Assert.StartsWith(
            "Expected an item matching x => x < 0, but skipped 100,000 items in a row without one matching (the last: 100000).",
            ex.Message,
            StringComparison.Ordinal);
    }

    private static async IAsyncEnumerable<int> Endless(VirtualClock clock, TimeSpan every)
    {
        for (var i = 1; ; i++)
        {
            if (every > TimeSpan.Zero)
            {
                await Task.Delay(every, clock);
            }

            yield return i;
        }
    }

    [Fact]
    public async Task AwaitItemMatchingAsync_Described_UsesTheDescription()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, Second, []).OpenReader(clock);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.AwaitItemMatchingAsync(x => x > 10, "a big one"));

        Assert.StartsWith("Expected an item matching a big one, but the sequence completed before any item.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkipItemsAsync_TooFewItems_FailsNamingSkippedItems()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, Second, [1], new InvalidOperationException("boom")).OpenReader(clock);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.SkipItemsAsync(2));

        Assert.StartsWith(
            "Expected to skip 2 items, but skipped [1], then the sequence failed after 1 item, at 00:01.000 (00:00.000 after item [0], 00:01.000 into the stream), with InvalidOperationException: boom.",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitItemAsync_EndlessSynchronousSource_PullsOnlyWhatIsConsumed()
    {
        await using var reader = Sources.Endless().OpenReader();

        Assert.Equal([1, 2, 3], await reader.AwaitItemsAsync(3));
        await reader.CancelAndIgnoreRemainingAsync();

        Assert.Equal(4, reader.Timeline.Events.Count(e => e.Kind == TimelineEventKind.Yielded));
    }
}
