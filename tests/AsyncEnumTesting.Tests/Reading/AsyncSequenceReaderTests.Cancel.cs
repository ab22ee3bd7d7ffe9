namespace AsyncEnumTesting.Tests.Reading;

public sealed partial class AsyncSequenceReaderTests
{
    [Fact]
    public async Task CancelAsync_WhileMoveNextRuns_CancelsTokenStopsAndDisposes()
    {
        var clock = new VirtualClock();
        var reader = Sources.Timed(clock, Second, [1, 2, 3]).OpenReader(clock);
        await reader.AwaitItemAsync();

        await reader.CancelAsync();
        await reader.DisposeAsync();

        Assert.Equal(Second, clock.Elapsed);
        Assert.Equal(0, clock.PendingTimerCount);
        Assert.Equal(
            [
                TimelineEventKind.GetAsyncEnumerator, TimelineEventKind.MoveNextStarted, TimelineEventKind.Yielded,
                TimelineEventKind.MoveNextStarted, TimelineEventKind.TokenCanceled, TimelineEventKind.Canceled,
                TimelineEventKind.DisposeStarted, TimelineEventKind.Disposed,
            ],
            reader.Timeline.Events.Select(e => e.Kind));
    }

    [Fact]
    public async Task CancelAsync_AfterEnd_DoesNothing()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, Second, [1]).OpenReader(clock);
        await reader.AwaitItemAsync();
        await reader.AwaitCompletionAsync();
        var before = reader.Timeline.Count;

        await reader.CancelAsync();

        Assert.Equal(before, reader.Timeline.Count);
    }

    [Fact]
    public async Task CancelAsync_EventSeenBefore_CanStillBeConsumed()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, TimeSpan.Zero, [1, 2, 3]).OpenReader(clock);
        await reader.AwaitItemAsync();

        await reader.CancelAsync();

        Assert.Equal(2, await reader.AwaitItemAsync());
        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitItemAsync);
        Assert.StartsWith("Expected an item, but the reader had already been canceled after 2 items.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelAsync_SourceIgnoresToken_FailsAfterVirtualTimeLimit()
    {
        var clock = new VirtualClock();
        var gate = new TaskCompletionSource();
        var options = new AsyncSequenceReaderOptions { RealTimeLimit = TimeSpan.FromMilliseconds(50) };
        var reader = Sources.Waiting(gate.Task, honorCancellation: false).OpenReader(clock, options);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.CancelAsync);
        gate.SetResult();

        Assert.Equal(
            """
            Expected the sequence to stop after cancellation, but MoveNextAsync was still running: nothing can happen any more: no timer is pending on the clock and nothing completed the wait within 0.050 s of real time: code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), or wait on a TaskCompletionSource, channel or lock that nothing completes.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.000  #1 MoveNextAsync started
              00:00.000  #1 token canceled
            """,
            ex.Message);
        Assert.IsType<VirtualTimeException>(ex.InnerException);
        await reader.DisposeAsync();
        Assert.Equal(TimelineEventKind.Disposed, reader.Timeline.Events[^1].Kind);
    }

    [Fact]
    public async Task CancelAndIgnoreRemainingAsync_UnconsumedEvents_DisposesWithoutFailing()
    {
        var clock = new VirtualClock();
        var reader = Sources.Timed(clock, TimeSpan.Zero, [1, 2, 3]).OpenReader(clock);
        await reader.AwaitItemAsync();

        await reader.CancelAndIgnoreRemainingAsync();
        await reader.DisposeAsync();

        Assert.Equal(TimelineEventKind.Disposed, reader.Timeline.Events[^1].Kind);
    }

    [Fact]
    public async Task DisposeAsync_UnconsumedItem_FailsNamingIt()
    {
        var clock = new VirtualClock();
        var reader = Sources.Timed(clock, Second, [1, 2, 3]).OpenReader(clock);
        await reader.AwaitItemsAsync(2);
        await clock.AdvanceAsync(Second);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.DisposeAsync().AsTask());

        Assert.Equal(
            """
            Expected every event to be consumed before the reader is disposed, but item 3, yielded at 00:03.000, was not consumed. Await it, or call CancelAndIgnoreRemainingAsync() to drop what is left.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:01.000  #1 MoveNextAsync -> 1
              00:02.000  #1 MoveNextAsync -> 2
              00:03.000  #1 MoveNextAsync -> 3      <- not consumed
              00:03.000  #1 token canceled
              00:03.000  #1 DisposeAsync
            """,
            ex.Message);
    }

    [Fact]
    public async Task DisposeAsync_UnconsumedCompletion_FailsNamingIt()
    {
        var clock = new VirtualClock();
        var reader = Sources.Timed(clock, Second, [1]).OpenReader(clock);
        await reader.AwaitItemAsync();

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.DisposeAsync().AsTask());

        Assert.StartsWith(
            "Expected every event to be consumed before the reader is disposed, but the completion at 00:01.000 was not consumed.",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_UnconsumedFailure_FailsNamingIt()
    {
        var clock = new VirtualClock();
        var boom = new InvalidOperationException("boom");
        var reader = Sources.Timed(clock, TimeSpan.Zero, [], boom).OpenReader(clock);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.DisposeAsync().AsTask());

        Assert.Same(boom, ex.InnerException);
        Assert.StartsWith(
            "Expected every event to be consumed before the reader is disposed, but the failure InvalidOperationException: boom at 00:00.000 was not consumed.",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_SequenceStillRunning_FailsAndStopsIt()
    {
        var clock = new VirtualClock();
        var reader = Sources.Timed(clock, Second, [1, 2]).OpenReader(clock);
        await reader.AwaitItemAsync();

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.DisposeAsync().AsTask());

        Assert.Equal(0, clock.PendingTimerCount);
        Assert.Equal(
            """
            Expected the sequence to be finished or canceled before the reader is disposed, but it was still running after 1 item. Await its completion, or call CancelAsync() or CancelAndIgnoreRemainingAsync().
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:01.000  #1 MoveNextAsync -> 1
              00:01.000  #1 MoveNextAsync started
              00:01.000  #1 token canceled
              00:01.000  #1 MoveNextAsync -> canceled
              00:01.000  #1 DisposeAsync
            """,
            ex.Message);
    }

    [Fact]
    public async Task DisposeAsync_IgnoreRemainingEventsOption_OnlyStopsTheSequence()
    {
        var clock = new VirtualClock();
        var reader = Sources.Timed(clock, TimeSpan.Zero, [1, 2]).OpenReader(clock, new() { IgnoreRemainingEvents = true });

        await reader.DisposeAsync();
        await reader.DisposeAsync();

        Assert.Equal(TimelineEventKind.Disposed, reader.Timeline.Events[^1].Kind);
    }

    [Fact]
    public async Task DisposeAsync_AfterFailedStep_OnlyCleansUp()
    {
        var clock = new VirtualClock();
        var reader = Sources.Timed(clock, Second, [1, 2]).OpenReader(clock);
        await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitCompletionAsync);

        await reader.DisposeAsync();

        Assert.Equal(TimelineEventKind.Disposed, reader.Timeline.Events[^1].Kind);
    }

    [Fact]
    public async Task DisposeAsync_TestAssertionFailedBetweenSteps_KeepsThatFailure()
    {
        var clock = new VirtualClock();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var reader = Sources.Timed(clock, Second, [1, 2]).OpenReader(clock);
            var item = await reader.AwaitItemAsync();
            throw new InvalidOperationException($"the test's own check failed on {item}");
        });

        Assert.Equal("the test's own check failed on 1", ex.Message);
        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public async Task DisposeAsync_TwoReadersAndTheTestFailedBetweenSteps_BothKeepThatFailure()
    {
        var clock = new VirtualClock();
        var first = Sources.Timed(clock, Second, [1, 2]).OpenReader(clock);
        var second = Sources.Timed(clock, Second, [3, 4]).OpenReader(clock);
        await first.AwaitItemAsync();
        await second.AwaitItemAsync();

        try
        {
            throw new InvalidOperationException("the test's own check failed");
        }
        catch (InvalidOperationException)
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }

        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public async Task DisposeAsync_ExceptionOutsideTheTestsFlow_StillStrict()
    {
        var clock = new VirtualClock();
        var reader = Sources.Timed(clock, Second, [1, 2]).OpenReader(clock);
        await reader.AwaitItemAsync();
        Task elsewhere;
        using (ExecutionContext.SuppressFlow())
        {
            elsewhere = Task.Run(() => throw new InvalidOperationException("another test's failure"));
        }

        await elsewhere.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext); // observed without throwing in this flow
        Assert.True(elsewhere.IsFaulted);
        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.DisposeAsync().AsTask());

        Assert.StartsWith("Expected the sequence to be finished or canceled before the reader is disposed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_SourceExceptionsBetweenSteps_StillStrict()
    {
        var clock = new VirtualClock();
        var reader = Sources.Timed(clock, Second, [1], new InvalidOperationException("boom")).OpenReader(clock);
        await reader.AwaitItemAsync();
        await clock.AdvanceAsync(Second);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.DisposeAsync().AsTask());

        Assert.StartsWith("Expected every event to be consumed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_Overlapping_Throw()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, Second, [1]).OpenReader(clock);
        var gate = new TaskCompletionSource();
        await using var other = Sources.Waiting(gate.Task).OpenReader(options: new() { IgnoreRemainingEvents = true });

        var first = other.AwaitItemAsync();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(other.AwaitItemAsync);
        gate.SetResult();
        await first;

        Assert.Equal("AwaitItemAsync was called while another call on this reader is still running. Await each reader call before the next.", ex.Message);
        await reader.AwaitItemAsync();
        await reader.AwaitCompletionAsync();
    }

    [Fact]
    public async Task Calls_AfterDispose_ThrowObjectDisposedNamingTheStep()
    {
        var clock = new VirtualClock();
        var reader = Sources.Timed(clock, Second, []).OpenReader(clock, new() { Name = "orders" });
        await reader.AwaitCompletionAsync();
        await reader.DisposeAsync();

        var ex = await Assert.ThrowsAsync<ObjectDisposedException>(reader.AwaitItemAsync);
        var silence = await Assert.ThrowsAsync<ObjectDisposedException>(() => reader.AwaitNoEventsWithinAsync(Second));

        Assert.Equal(
            "AwaitItemAsync was called on the reader of \"orders\" after the reader was disposed. Take every step before disposing it " +
            "(inside its await using block), or open a new reader with OpenReader to read the sequence again.",
            ex.Message);
        Assert.StartsWith("AwaitNoEventsWithinAsync was called on the reader of \"orders\" after", silence.Message, StringComparison.Ordinal);
    }
}
