namespace AsyncEnumTesting.Tests.Reading;

/// <summary>A reader calls the sequence by the name the test gave it: in the reader's options, to a probe, or to a fake.</summary>
public sealed partial class AsyncSequenceReaderTests
{
    /// <summary>Options for a run that waits on virtual time alone: its reader's deadline fires after 50 ms of quiet, not the default second.</summary>
    private static readonly VirtualTimeOptions QuietRun = new() { RealTimeGrace = TimeSpan.FromMilliseconds(50) };

    [Fact]
    public async Task DisposeAsync_NamedMarbleFakeStillRunning_FailsNamingTheFake()
    {
        var clock = new VirtualClock();
        var reader = FakeSequence.FromMarbles(clock, "-a-b-c|", name: "orders").OpenReader(clock);
        await reader.AwaitItemAsync();

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.DisposeAsync().AsTask());

        Assert.Equal(
            """
            Expected "orders" to be finished or canceled before the reader is disposed, but it was still running after 1 item. Await its completion, or call CancelAsync() or CancelAndIgnoreRemainingAsync().
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.010  #1 MoveNextAsync -> 'a'
              00:00.010  #1 MoveNextAsync started
              00:00.010  #1 token canceled
              00:00.010  #1 MoveNextAsync -> canceled
              00:00.010  #1 DisposeAsync
            """,
            ex.Message);
    }

    [Fact]
    public async Task DisposeAsync_UnconsumedCompletionOfANamedFake_FailsNamingTheFake()
    {
        var clock = new VirtualClock();
        var reader = FakeSequence.FromMarbles(clock, "-a|", frame: Second, name: "orders").OpenReader(clock);
        await reader.AwaitItemAsync();
        await clock.AdvanceAsync(Second);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.DisposeAsync().AsTask());

        Assert.Equal(
            """
            Expected every event of "orders" to be consumed before the reader is disposed, but the completion at 00:02.000 was not consumed. Await it, or call CancelAndIgnoreRemainingAsync() to drop what is left.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:01.000  #1 MoveNextAsync -> 'a'
              00:02.000  #1 MoveNextAsync -> completed      <- not consumed
              00:02.000  #1 DisposeAsync
            """,
            ex.Message);
    }

    [Fact]
    public async Task AwaitItemAsync_NamedDrivenFakeNobodyDrives_SaysTheFakeWaitsForTheTest()
    {
        var clock = new VirtualClock { RealTimeGrace = TimeSpan.FromMilliseconds(50) };
        var source = FakeSequence.Driven<int>(clock, "orders");

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => VirtualTime.RunAsync(
            clock,
            async _ =>
            {
                await using var reader = source.OpenReader(clock);
                await reader.AwaitItemAsync();
            },
            QuietRun));

        Assert.Equal(
            """
            Expected an item, but nothing came from "orders" within 1:00:00.000 of virtual time, and no timer is pending on the clock, so nothing in virtual time would have ended the wait: code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), or wait on a TaskCompletionSource, channel or lock that nothing completes. The driven sequence "orders" was still waiting for the test to call Emit, Complete or Fail: call one of them before awaiting the reader's step (or from code that runs meanwhile).
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.000  #1 MoveNextAsync started
            """,
            ex.Message);
    }

    [Fact]
    public async Task AwaitItemAsync_UnnamedDrivenFakeNobodyDrives_SaysAFakeWaitsForTheTest()
    {
        var clock = new VirtualClock { RealTimeGrace = TimeSpan.FromMilliseconds(50) };
        var source = FakeSequence.Driven<int>(clock);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => VirtualTime.RunAsync(
            clock,
            async _ =>
            {
                await using var reader = source.OpenReader(clock);
                await reader.AwaitItemAsync();
            },
            QuietRun));

        Assert.Equal(
            """
            Expected an item, but nothing happened within 1:00:00.000 of virtual time, and no timer is pending on the clock, so nothing in virtual time would have ended the wait: code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), or wait on a TaskCompletionSource, channel or lock that nothing completes. The driven sequence was still waiting for the test to call Emit, Complete or Fail: call one of them before awaiting the reader's step (or from code that runs meanwhile).
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.000  #1 MoveNextAsync started
            """,
            ex.Message);
    }

    [Fact]
    public async Task AwaitItemsAsync_ReaderNamedInOptionsFallsSilent_NamesTheSequence()
    {
        var clock = new VirtualClock { RealTimeGrace = TimeSpan.FromMilliseconds(200) };
        var reader = Sources.Timed(clock, TimeSpan.FromHours(2), [1]).OpenReader(clock, new() { Name = "readings" });

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.AwaitItemsAsync(1));
        await reader.DisposeAsync();

        Assert.Equal(
            """
            Expected 1 item, but nothing came from "readings" within 1:00:00.000 of virtual time.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.000  #1 MoveNextAsync started
            """,
            ex.Message);
    }

    [Fact]
    public async Task OpenReader_NamedFake_RecordsUnderTheFakesName()
    {
        var clock = new VirtualClock();
        await using var reader = FakeSequence.FromMarbles(clock, "-a|", name: "orders").OpenReader(clock);

        await reader.AwaitItemAsync();
        await reader.AwaitCompletionAsync();

        Assert.All(reader.Timeline.Events, e => Assert.Equal("orders", e.Source));
    }

    [Fact]
    public async Task OpenReader_FakeRecordingUnderItsNameOnTheReadersTimeline_KeepsTheNameForMessages()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var source = FakeSequence.FromMarbles(clock, "-a|", name: "orders", timeline: timeline);
        await using var reader = source.OpenReader(clock, new() { Timeline = timeline });

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitCompletionAsync);

        Assert.StartsWith("Expected \"orders\" to complete, but \"orders\" yielded 'a'.", ex.Message, StringComparison.Ordinal);
    }
}
