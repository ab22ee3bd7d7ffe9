using System.Threading.Channels;

namespace AsyncEnumTesting.Tests.Time;

/// <content>A <c>Task.Run</c> producer that dies unobserved before the body fails on its own
/// (<see cref="VirtualTimeOptions.ReportUnobservedFaults"/>): the run names both, the body's failure first.</content>
/// <remarks>
/// The producer must have run before the clock passes its delay, which a run guarantees with the process to itself: beside
/// the parallel test classes, its <c>Task.Run</c> item once started only when the clock stood at 00:02.000 and the body had
/// already failed (1 run in 30), leaving no fault to report.
/// </remarks>
public sealed partial class PoolHopTests
{
    [Fact]
    public async Task RunAsync_BodyFailsAfterAForgottenProducerFailed_FailsWithTheBodysFailureThenTheProducers()
    {
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => LateStarts.RunAgainAsync(
            async clock =>
            {
                _ = Task.Run(async () =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), clock);
                    throw new InvalidOperationException("producer died");
                });
                await Task.Delay(TimeSpan.FromSeconds(2), clock);
                throw new TimeoutException("no item");
            },
            new VirtualTimeOptions { ReportUnobservedFaults = true }));

        Assert.Equal(
            "The body failed: TimeoutException: no item" + Environment.NewLine +
            "Work started in the virtual-time run also failed and nobody awaited it: InvalidOperationException: producer died. It may be " +
            "the cause of the body's failure: await that work, or observe its failure. Virtual time reached 00:02.000 after 2 timer " +
            "firing(s); real time spent <real>.",
            VirtualClockTests.NormalizeRealTime(ex.Message));
        var inner = Assert.IsType<AggregateException>(ex.InnerException);
        Assert.Equal(
            ["TimeoutException: no item", "InvalidOperationException: producer died"],
            inner.InnerExceptions.Select(e => $"{e.GetType().Name}: {e.Message}"));
    }

    [Fact]
    public async Task RunAsync_ReaderWaitsOnAChannelWhoseProducerDied_NamesTheProducersFailureAfterTheTimeout()
    {
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => LateStarts.RunAgainAsync(
            async clock =>
            {
                var channel = Channel.CreateUnbounded<int>();
                _ = Task.Run(async () =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), clock);
                    await channel.Writer.WriteAsync(Fetch()); // throws: the producer dies before it completes the channel
                    channel.Writer.Complete();
                });
                await using var reader = channel.Reader.ReadAllAsync().OpenReader(clock);
                await reader.AwaitItemAsync();
            },
            // The reader's deadline fires once the run stayed quiet for the grace: 200 ms, as for the catalogue's runs, not the default second.
            new VirtualTimeOptions { ReportUnobservedFaults = true, RealTimeGrace = TimeSpan.FromMilliseconds(200) }));

        Assert.Equal(
            """
            The body failed: AsyncSequenceAssertionException: Expected an item, but nothing happened within 1:00:00.000 of virtual time, and no timer is pending on the clock, so nothing in virtual time would have ended the wait: code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), or wait on a TaskCompletionSource, channel or lock that nothing completes.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.000  #1 MoveNextAsync started
            Work started in the virtual-time run also failed and nobody awaited it: InvalidOperationException: producer died. It may be the cause of the body's failure: await that work, or observe its failure. Virtual time reached 1:00:00.000 after 2 timer firing(s); real time spent <real>.
            """.ReplaceLineEndings(),
            VirtualClockTests.NormalizeRealTime(ex.Message));
        Assert.Equal(
            [typeof(AsyncSequenceAssertionException), typeof(InvalidOperationException)],
            Assert.IsType<AggregateException>(ex.InnerException).InnerExceptions.Select(e => e.GetType()));

        static int Fetch() => throw new InvalidOperationException("producer died");
    }
}
