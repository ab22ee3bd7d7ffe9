using System.Runtime.CompilerServices;
using static AsyncEnumTesting.FluentAssertions.Tests.Sources;

namespace AsyncEnumTesting.FluentAssertions.Tests.Sequences;

public sealed partial class AsyncEnumerableAssertionsTests
{
    [Fact]
    public async Task HonorCancellation_AfterItems_TokenTiedProducer_Passes()
    {
        var clock = new VirtualClock();

        await Every100Ms(clock, 1, 2, 3, 4).Should(clock).HonorCancellation(afterItems: 2);

        Assert.Equal(TimeSpan.FromMilliseconds(100), clock.Elapsed);
        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public async Task HonorCancellation_ProducerIgnoresToken_FailsWithTheLateItem()
    {
        var clock = QuietClock();
        var deaf = IgnoresToken(clock);

        var message = await FailureOf(() => deaf.Should(clock).HonorCancellation(afterItems: 1));

        Assert.Equal(
            Lines(
                "Expected deaf to stop when its token is cancelled after 1 item, but it did not stop before the clock moved on after the token was cancelled at 00:01.000 (without a within argument, no virtual time may pass): " +
                "after the cancellation it yielded 1 item: 2 at 00:02.000 (00:01.000 after it); it got a cancellable token (GetAsyncEnumerator, token: cancellable) and did not act on it." +
                " A correct producer passes its [EnumeratorCancellation] token to every await (Task.Delay(delay, clock, ct), source.WithCancellation(ct)) and ends with OperationCanceledException once it is cancelled.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable",
                "  00:01.000  #1 MoveNextAsync -> 1",
                "  00:01.000  #1 token canceled",
                "  00:02.000  #1 MoveNextAsync -> 2      <- did not stop",
                "  00:02.000  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task HonorCancellation_WithinGivenBound_Passes()
    {
        var clock = new VirtualClock();

        await ThrowsOnTokenEachSecond(clock).Should(clock).HonorCancellation(afterItems: 1, within: TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(1), clock.Elapsed);
    }

    [Fact]
    public async Task HonorCancellation_SlowerThanBound_Fails()
    {
        var clock = QuietClock();

        var message = await FailureOf(() => ThrowsOnTokenEachSecond(clock).Should(clock).HonorCancellation(afterItems: 1, within: TimeSpan.FromMilliseconds(500)));

        Assert.StartsWith(
            "Expected ThrowsOnTokenEachSecond(clock) to stop when its token is cancelled after 1 item, but it did not stop within 00:00.500 of virtual time after the token was cancelled at 00:00.000: " +
            "its MoveNextAsync threw OperationCanceledException only at 00:01.000, 00:01.000 after the cancellation; it noticed the token only when an uncancellable wait ended." +
            " A correct producer passes its [EnumeratorCancellation] token to every await (Task.Delay(delay, clock, ct), source.WithCancellation(ct)) and ends with OperationCanceledException once it is cancelled.",
            message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task HonorCancellation_QuietEnd_FailsUnlessAllowed()
    {
        var clock = new VirtualClock();

        var message = await FailureOf(() => ChecksTokenEachSecond(clock).Should(clock).HonorCancellation(1, TimeSpan.FromSeconds(1)));
        await ChecksTokenEachSecond(clock).Should(clock).HonorCancellation(1, TimeSpan.FromSeconds(1), allowCompletion: true);

        Assert.StartsWith(
            "Expected ChecksTokenEachSecond(clock) to stop when its token is cancelled after 1 item, but after the token was cancelled at 00:00.000, " +
            "it completed quietly instead of throwing OperationCanceledException (pass allowCompletion: true if that is intended).",
            message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task HonorCancellation_TimerLeftPending_Fails()
    {
        var clock = new VirtualClock();
        var leaky = LeaksTimer(clock);

        var message = await FailureOf(() => leaky.Should(clock).HonorCancellation(afterItems: 1));

        Assert.Equal(
            Lines(
                "Expected leaky to stop when its token is cancelled after 1 item, but after it was cancelled and disposed, 1 timer it created is still pending on the clock (a Task.Delay or PeriodicTimer not tied to the token, or not disposed).",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable",
                "  00:00.000  #1 MoveNextAsync -> 1",
                "  00:00.000  #1 token canceled",
                "  00:00.000  #1 MoveNextAsync -> canceled",
                "  00:00.000  #1 DisposeAsync      <- timers left pending"),
            message);
    }

    [Fact]
    public async Task HonorCancellation_WorkBesideTheSourceArmsATimerMeanwhile_PassesWithoutBlamingTheSource()
    {
        // A heartbeat the test runs beside the source arms its timer while the source yields its first item (its
        // continuation runs inline there, in its own flow). The timer is the heartbeat's: counting every timer pending
        // after disposal against those pending at the start blamed the source for it (a user trial: 107 of 200 runs).
        var clock = new VirtualClock();
        var reading = new TaskCompletionSource();
        var heartbeat = HeartbeatAsync(clock, reading.Task);

        await YieldsAfter(reading, 3).Should(clock).HonorCancellation(afterItems: 1);

        Assert.Equal(1, clock.PendingTimerCount);
        Assert.False(heartbeat.IsCompleted);

        static async Task HeartbeatAsync(VirtualClock clock, Task start)
        {
            await start.ConfigureAwait(false);
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock).ConfigureAwait(false);
            }
        }

        static async IAsyncEnumerable<int> YieldsAfter(TaskCompletionSource reading, int count, [EnumeratorCancellation] CancellationToken token = default)
        {
            await Task.CompletedTask;
            reading.TrySetResult();
            for (var item = 1; item <= count; item++)
            {
                token.ThrowIfCancellationRequested();
                yield return item;
            }
        }
    }

    [Fact]
    public async Task HonorCancellation_TimerLeftPendingByWorkTheSourceStarted_Fails()
    {
        // The source's own pump: a timer created by work the source started carries the source's flow, so it counts.
        var clock = new VirtualClock();

        var message = await FailureOf(() => PumpsInTheBackground(clock).Should(clock).HonorCancellation(afterItems: 1));

        Assert.StartsWith(
            "Expected PumpsInTheBackground(clock) to stop when its token is cancelled after 1 item, but after it was cancelled and disposed, " +
            "1 timer it created is still pending on the clock (a Task.Delay or PeriodicTimer not tied to the token, or not disposed).",
            message,
            StringComparison.Ordinal);

        static async IAsyncEnumerable<int> PumpsInTheBackground(VirtualClock clock, [EnumeratorCancellation] CancellationToken token = default)
        {
#pragma warning disable AET0001 // Not an assertion: this test's namespace starts with AsyncEnumTesting, so the analyzer takes it for one.
            _ = PumpAsync(clock);
#pragma warning restore AET0001
            await Task.CompletedTask;
            yield return 1;
            token.ThrowIfCancellationRequested();
            yield return 2;
        }

        static async Task PumpAsync(VirtualClock clock)
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock);
            }
        }
    }

    [Fact]
    public async Task HonorCancellation_AtVirtualTime_StopsWhileWaiting()
    {
        var clock = new VirtualClock();

        await Every100Ms(clock, 1, 2, 3, 4).Should(clock).HonorCancellation(at: TimeSpan.FromMilliseconds(250));

        Assert.Equal(TimeSpan.FromMilliseconds(250), clock.Elapsed);
    }

    [Fact]
    public async Task HonorCancellation_AtVirtualTime_ItemAfterCancellationFails()
    {
        var clock = new VirtualClock();
        var deaf = IgnoresToken(clock);

        var message = await FailureOf(() => deaf.Should(clock).HonorCancellation(at: TimeSpan.FromMilliseconds(1500), within: TimeSpan.FromSeconds(1)));

        Assert.Equal(
            Lines(
                "Expected deaf to stop when its token is cancelled at 00:01.500, but after the token was cancelled at 00:01.500, it yielded another item: item [1] was 2.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable",
                "  00:01.000  #1 MoveNextAsync -> 1",
                "  00:01.000  #1 MoveNextAsync started",
                "  00:01.500  #1 token canceled",
                "  00:02.000  #1 MoveNextAsync -> 2      <- expected OperationCanceledException",
                "  00:02.000  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task HonorCancellation_AtWithoutVirtualClock_Throws()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Of(1).Should().HonorCancellation(at: TimeSpan.FromSeconds(1)));

        Assert.Equal(
            "HonorCancellation(at) cancels at a virtual time, so it needs the source's VirtualClock: use source.Should(clock).HonorCancellation(at).",
            ex.Message);
    }

    private static async IAsyncEnumerable<int> IgnoresToken(TimeProvider clock)
    {
        for (var i = 1; ; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            yield return i;
        }
    }

    private static async IAsyncEnumerable<int> ChecksTokenEachSecond(TimeProvider clock, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var i = 1; !ct.IsCancellationRequested; i++)
        {
            yield return i;
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
        }
    }

    private static async IAsyncEnumerable<int> ThrowsOnTokenEachSecond(TimeProvider clock, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var i = 1; ; i++)
        {
            ct.ThrowIfCancellationRequested();
            yield return i;
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
        }
    }

    private static async IAsyncEnumerable<int> LeaksTimer(TimeProvider clock, [EnumeratorCancellation] CancellationToken ct = default)
    {
        _ = clock.CreateTimer(_ => { }, null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        yield return 1;
        await Task.Delay(TimeSpan.FromSeconds(1), clock, ct);
        yield return 2;
    }
}
