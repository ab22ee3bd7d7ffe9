using System.Threading.Channels;

namespace AsyncEnumTesting.Tests.Time;

/// <content>Runs whose body failed while work it started and forgot failed too (<see cref="VirtualTimeOptions.ReportUnobservedFaults"/>).</content>
public sealed partial class VirtualTimeTests
{
    [Fact]
    public async Task RunAsync_BodyFailsAfterAForgottenProducerFailed_FailsWithTheBodysFailureThenTheProducers()
    {
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
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
            ReportFaults));

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
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
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
            ReportFaults));

        Assert.Equal(
            """
            The body failed: AsyncSequenceAssertionException: Expected an item, but nothing happened within 1:00:00.000 of virtual time.
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

    [Fact]
    public async Task RunAsync_BodyFailsAndNothingForgottenFailed_ThrowsTheBodysOwnException()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => VirtualTime.RunAsync(
            async clock =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock);
                throw new ArgumentException("body failed");
            },
            ReportFaults));

        Assert.Equal("body failed", ex.Message);
    }

    [Fact]
    public async Task RunAsync_BodyCanceledAfterAForgottenFault_StaysCanceled()
    {
        var run = VirtualTime.RunAsync(
            async clock =>
            {
                StartAndForget(clock);
                await Task.Delay(TimeSpan.FromSeconds(5), clock);
                throw new OperationCanceledException("gave up");
            },
            ReportFaults);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(run.IsCanceled);
    }
}
