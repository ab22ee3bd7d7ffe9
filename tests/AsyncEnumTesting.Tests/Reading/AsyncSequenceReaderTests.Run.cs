using System.Threading.Channels;

namespace AsyncEnumTesting.Tests.Reading;

public sealed partial class AsyncSequenceReaderTests
{
    [Fact]
    public async Task AwaitItemAsync_InRun_RunMovesTheClock()
    {
        var times = await VirtualTime.RunAsync(async clock =>
        {
            await using var reader = Sources.Timed(clock, Second, [1, 2]).OpenReader(clock);
            var list = new List<(int, TimeSpan)>();
            list.Add((await reader.AwaitItemAsync(), clock.Elapsed));
            list.Add((await reader.AwaitItemAsync(), clock.Elapsed));
            await reader.AwaitCompletionAsync();
            return list;
        });

        Assert.Equal([(1, Second), (2, 2 * Second)], times);
    }

    [Fact]
    public async Task AwaitNoEventsWithinAsync_InRun_PassesThenSeesTheItem()
    {
        var message = await VirtualTime.RunAsync(async clock =>
        {
            await using var reader = Sources.At(clock, [(3, 1), (4, 2)]).OpenReader(clock);
            await reader.AwaitNoEventsWithinAsync(2 * Second);
            Assert.Equal(2 * Second, clock.Elapsed);
            Assert.Equal(1, await reader.AwaitItemAsync());
            var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.AwaitNoEventsWithinAsync(Second));
            return ex.Message;
        });

        Assert.Equal(
            """
            Expected no events within 00:01.000, but the sequence yielded 2 at 00:04.000.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:03.000  #1 MoveNextAsync -> 1
              00:04.000  #1 MoveNextAsync -> 2      <- inside the window
            """,
            message);
    }

    [Fact]
    public async Task AwaitNoEventsWithinAsync_InRunItemAlreadyAvailable_Fails()
    {
        var message = await VirtualTime.RunAsync(async clock =>
        {
            await using var reader = Sources.At(clock, [(0.5, 1)]).OpenReader(clock);
            await Task.Delay(Second, clock);
            var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.AwaitNoEventsWithinAsync(Second));
            return ex.Message;
        });

        Assert.StartsWith(
            "Expected no events within 00:01.000, but the sequence had already yielded 1 at 00:00.500 (not consumed yet).",
            message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelAsync_InRun_StopsAndDisposes()
    {
        var kinds = await VirtualTime.RunAsync(async clock =>
        {
            await using var reader = Sources.Timed(clock, Second, [1, 2, 3]).OpenReader(clock);
            await reader.AwaitItemAsync();
            await reader.CancelAsync();
            return reader.Timeline.Events.Select(e => e.Kind).ToList();
        });

        Assert.Equal(TimelineEventKind.Disposed, kinds[^1]);
        Assert.Contains(TimelineEventKind.Canceled, kinds);
    }

    [Fact]
    public async Task Timeline_SharedByTwoReaders_OrdersEventsAcrossSources()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        await using var fast = Sources.Timed(clock, Second, [1, 2]).OpenReader(clock, new() { Timeline = timeline, Name = "fast" });
        await using var slow = Sources.Timed(clock, 1.5 * Second, [10]).OpenReader(clock, new() { Timeline = timeline, Name = "slow" });

        await fast.AwaitItemsAsync(2);
        timeline.Mark("checked");
        await fast.AwaitCompletionAsync();
        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(slow.AwaitCompletionAsync);

        Assert.Same(timeline, slow.Timeline);
        Assert.Equal(
            """
            Expected "slow" to complete, but "slow" yielded 10.
            Timeline (virtual time):
              00:00.000  fast#1 GetAsyncEnumerator  token: cancellable
              00:00.000  fast#1 MoveNextAsync started
              00:00.000  slow#1 GetAsyncEnumerator  token: cancellable
              00:00.000  slow#1 MoveNextAsync started
              00:01.000  fast#1 MoveNextAsync -> 1
              00:01.000  fast#1 MoveNextAsync started
              00:01.500  slow#1 MoveNextAsync -> 10      <- expected the completion
              00:02.000  fast#1 MoveNextAsync -> 2
              00:02.000  fast#1 MoveNextAsync -> completed
              00:02.000  fast#1 DisposeAsync
              00:02.000  test   mark "checked"
            """,
            ex.Message);
    }

    [Fact]
    public async Task AwaitItemAsync_ChannelWrittenByTest_ReadsItWithoutClock()
    {
        var channel = Channel.CreateUnbounded<string>();
        await using var reader = channel.Reader.ReadAllAsync().OpenReader();

        await channel.Writer.WriteAsync("a");
        Assert.Equal("a", await reader.AwaitItemAsync());
        await channel.Writer.WriteAsync("b");
        channel.Writer.Complete(new InvalidOperationException("writer failed"));

        Assert.Equal("b", await reader.AwaitItemAsync());
        var error = await reader.AwaitErrorAsync<InvalidOperationException>();
        Assert.Equal("writer failed", error.Message);
    }

    [Fact]
    public async Task AwaitItemAsync_ChannelFedOnVirtualTime_ReaderDrivesTheClock()
    {
        // ReadAllAsync resumes with ConfigureAwait(false); an asynchronous continuation would go to the thread pool, which
        // virtual time cannot wait for, and the clock could move past the write before the reader saw it.
        var clock = new VirtualClock();
        var channel = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { AllowSynchronousContinuations = true });
        var producer = ProduceAsync(clock, channel.Writer);
        await using var reader = channel.Reader.ReadAllAsync().OpenReader(clock);

        Assert.Equal(1, await reader.AwaitItemAsync());
        Assert.Equal(Second, clock.Elapsed);
        Assert.Equal(2, await reader.AwaitItemAsync());
        Assert.Equal(2 * Second, clock.Elapsed);
        await reader.AwaitCompletionAsync();
        await producer;

        static async Task ProduceAsync(VirtualClock clock, ChannelWriter<int> writer)
        {
            for (var i = 1; i <= 2; i++)
            {
                await Task.Delay(Second, clock);
                await writer.WriteAsync(i);
            }

            writer.Complete();
        }
    }

    [Fact]
    public async Task AwaitItemAsync_SystemLinqAsyncEnumerable_ReadsOperatorChains()
    {
        var clock = new VirtualClock();
        var source = Sources.Timed(clock, Second, [1, 2, 3, 4, 5, 6])
            .Where(x => x % 2 == 0)
            .Select(x => x * 10)
            .Take(2);
        await using var reader = source.OpenReader(clock);

        Assert.Equal([20, 40], await reader.AwaitItemsAsync(2));
        await reader.AwaitCompletionAsync();
        Assert.Equal(4 * Second, clock.Elapsed);
    }

    [Fact]
    public async Task AwaitItemAsync_SynchronousAsyncEnumerable_ReadsWithoutClock()
    {
        await using var reader = AsyncEnumerable.Range(1, 3).OpenReader();

        await reader.SkipItemsAsync(1);
        Assert.Equal(2, await reader.AwaitItemMatchingAsync(x => x > 1));
        Assert.Equal(3, await reader.AwaitItemAsync());
        await reader.AwaitCompletionAsync();
    }

    [Fact]
    public async Task CancelAsync_InRunOnFakeThatAwaitsWithoutContext_StopsTheSource()
    {
        // Regression: the fake's ConfigureAwait(false) continuation used to be queued to the thread pool by the
        // cancellation, where the run could not see it, and the run fired the reader's own timeout first.
        await VirtualTime.RunAsync(async clock =>
        {
            var source = FakeSequence.Script<int>(clock).Wait(TimeSpan.FromSeconds(1)).Yield(1).HangUntilCanceled();
            await using var reader = source.OpenReader(clock);
            Assert.Equal(1, await reader.AwaitItemAsync());

            await reader.CancelAsync();

            Assert.Equal(TimeSpan.FromSeconds(1), clock.Elapsed);
        });
    }
}
