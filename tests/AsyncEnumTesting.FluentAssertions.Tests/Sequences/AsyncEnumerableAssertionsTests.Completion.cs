using System.Runtime.CompilerServices;
using static AsyncEnumTesting.FluentAssertions.Tests.Sources;

namespace AsyncEnumTesting.FluentAssertions.Tests.Sequences;

public sealed partial class AsyncEnumerableAssertionsTests
{
    [Fact]
    public async Task Complete_FiniteSource_Passes()
    {
        await Of(1, 2).Should().Complete();
    }

    [Fact]
    public async Task Complete_SourceThrows_FailsWithTheException()
    {
        var boom = new InvalidOperationException("page 3 failed");

        var message = await FailureOf(() => Failing(boom, 1).Should().Complete());

        Assert.Equal(
            Lines(
                "Expected Failing(boom, 1) to complete, but after 1 item, MoveNextAsync threw InvalidOperationException: page 3 failed.",
                "Timeline (real time):",
                "  --:--.---  #1 GetAsyncEnumerator      token: cancellable",
                "  --:--.---  #1 MoveNextAsync -> 1",
                "  --:--.---  #1 MoveNextAsync -> threw  InvalidOperationException: page 3 failed      <- expected completion",
                "  --:--.---  #1 DisposeAsync",
                "The source's exception:",
                boom.ToString()),
            message);
    }

    [Fact]
    public async Task Complete_HangingSourceOnRealTime_FailsAfterTheTimeout()
    {
        var stuck = Hanging([1]);

        var message = await FailureOf(() => stuck.Should().WithTimeLimit(TimeSpan.FromMilliseconds(20)).Complete());

        Assert.Equal(
            Lines(
                "Expected stuck to complete, but after 1 item, it did not yield or end within 0.020 s of real time (if the source runs on a VirtualClock, pass it: Should(clock)).",
                "Timeline (real time):",
                "  --:--.---  #1 GetAsyncEnumerator  token: cancellable",
                "  --:--.---  #1 MoveNextAsync -> 1",
                "  --:--.---  #1 MoveNextAsync started      <- expected completion",
                "  --:--.---  #1 token canceled",
                "  --:--.---  #1 MoveNextAsync -> canceled",
                "  --:--.---  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task Complete_SilentEndlessPoll_FailsAfterAnHourOfVirtualTime()
    {
        var clock = QuietClock();
        var silent = Sources.Timed(clock, [(7_200_000, 1)]);

        var message = await FailureOf(() => silent.Should(clock).Complete());

        Assert.Equal(
            Lines(
                "Expected silent to complete, but before any item, it did not yield or end within 1:00:00.000 of virtual time (the clock stands at 1:00:00.000).",
                "Timeline (virtual time):",
                "  00:00.000    #1 GetAsyncEnumerator  token: cancellable",
                "  00:00.000    #1 MoveNextAsync started      <- expected completion",
                "  1:00:00.000  #1 token canceled",
                "  1:00:00.000  #1 MoveNextAsync -> canceled",
                "  1:00:00.000  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task Complete_InRunSourceWaitsOnRealTime_SaysNoTimerCouldHaveEndedTheWait()
    {
        // Inside a run the clock reaches the limit at once when nothing is pending: the cause is not a slow source. The limit
        // is a kit deadline, fired after the run's grace of quiet: 200 ms, not the default second.
        var message = await VirtualTime.RunAsync(
            clock => FailureOf(() => WaitsOnRealTime().Should(clock).Complete()),
            new VirtualTimeOptions { RealTimeGrace = TimeSpan.FromMilliseconds(200) });

        Assert.StartsWith(
            "Expected WaitsOnRealTime() to complete, but after 1 item, it did not yield or end within 1:00:00.000 of virtual time (the clock " +
            "stands at 1:00:00.000), and no timer is pending on the clock, so nothing in virtual time would have ended the wait: code " +
            "under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), or wait on a TaskCompletionSource, " +
            "channel or lock that nothing completes.",
            message,
            StringComparison.Ordinal);

        static async IAsyncEnumerable<int> WaitsOnRealTime([EnumeratorCancellation] CancellationToken token = default)
        {
            yield return 1;
            await Task.Delay(TimeSpan.FromHours(1), token); // real time on purpose: the cause under test
            yield return 2;
        }
    }

    [Fact]
    public async Task CompleteWithin_FastEnough_Passes()
    {
        var clock = new VirtualClock();

        await Every100Ms(clock, 1, 2, 3).Should(clock).CompleteWithin(TimeSpan.FromMilliseconds(200));

        Assert.Equal(TimeSpan.FromMilliseconds(200), clock.Elapsed);
    }

    [Fact]
    public async Task CompleteWithin_TooSlow_FailsWithoutMovingTheClockPastTheLimit()
    {
        var clock = QuietClock();
        var slow = Every100Ms(clock, 1, 2, 3);

        var message = await FailureOf(() => slow.Should(clock).CompleteWithin(TimeSpan.FromMilliseconds(150), "the page budget is {0} ms", 150));

        Assert.Equal(
            Lines(
                "Expected slow to complete within 00:00.150 of virtual time because the page budget is 150 ms, but it had not completed after 00:00.150 (2 items so far).",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable",
                "  00:00.000  #1 MoveNextAsync -> 1",
                "  00:00.100  #1 MoveNextAsync -> 2",
                "  00:00.100  #1 MoveNextAsync started      <- still waiting",
                "  00:00.150  #1 token canceled",
                "  00:00.150  #1 MoveNextAsync -> canceled",
                "  00:00.150  #1 DisposeAsync"),
            message);
        Assert.Equal(TimeSpan.FromMilliseconds(150), clock.Elapsed);
    }

    [Fact]
    public async Task Throw_ExpectedException_ReturnsItForFurtherAssertions()
    {
        var failing = Failing(new InvalidOperationException("page 3 failed"), 1, 2);

        await failing.Should().Throw<InvalidOperationException>([1, 2]).WithMessage("page 3*");
    }

    [Fact]
    public async Task Throw_AnyItemsBefore_Passes()
    {
        var failing = Failing(new ArgumentException("bad"), 1, 2);

        var assertion = await failing.Should().Throw<ArgumentException>();

        Assert.Equal("bad", assertion.Which.Message);
    }

    [Fact]
    public async Task Throw_SourceCompletes_Fails()
    {
        var message = await FailureOf(() => Of(1).Should().Throw<InvalidOperationException>());

        Assert.Equal(
            Lines(
                "Expected Of(1) to throw InvalidOperationException, but it completed after 1 item.",
                "Timeline (real time):",
                "  --:--.---  #1 GetAsyncEnumerator  token: cancellable",
                "  --:--.---  #1 MoveNextAsync -> 1",
                "  --:--.---  #1 MoveNextAsync -> completed      <- expected InvalidOperationException",
                "  --:--.---  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task Throw_OtherException_FailsWithIt()
    {
        var other = new ArgumentException("bad");

        var message = await FailureOf(() => Failing(other).Should().Throw<InvalidOperationException>());

        Assert.Equal(
            Lines(
                "Expected Failing(other) to throw InvalidOperationException, but before any item, MoveNextAsync threw ArgumentException: bad.",
                "Timeline (real time):",
                "  --:--.---  #1 GetAsyncEnumerator      token: cancellable",
                "  --:--.---  #1 MoveNextAsync -> threw  ArgumentException: bad      <- expected InvalidOperationException",
                "  --:--.---  #1 DisposeAsync",
                "The source's exception:",
                other.ToString()),
            message);
    }

    [Fact]
    public async Task Throw_DifferentItemsBefore_Fails()
    {
        var failing = Failing(new InvalidOperationException("x"), 1, 5);

        var message = await FailureOf(() => failing.Should().Throw<InvalidOperationException>([1, 2]));

        Assert.StartsWith(
            "Expected failing to yield {1, 2} and then throw InvalidOperationException, but item [1] was 5.",
            message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throw_WrongMessage_FailsThroughFluentAssertions()
    {
        var failing = Failing(new InvalidOperationException("page 3 failed"));

        var message = await FailureOf(() => failing.Should().Throw<InvalidOperationException>().WithMessage("page 4*"));

        Assert.Contains("page 4*", message, StringComparison.Ordinal);
    }
}
