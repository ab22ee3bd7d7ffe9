using AsyncEnumTesting.Tests.Reading;

namespace AsyncEnumTesting.Tests.Messages;

public sealed class AdviceTests
{
    [Fact]
    public async Task RealTime_ReaderStuckOnNothing_EndsTheReadersDiagnosis()
    {
        var clock = new VirtualClock();
        var reader = Sources.Waiting(new TaskCompletionSource().Task).OpenReader(clock, new() { RealTimeLimit = TimeSpan.FromMilliseconds(50) });

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitItemAsync);
        await reader.DisposeAsync();

        Assert.StartsWith(
            "Expected an item, but nothing can happen any more: no timer is pending on the clock and nothing completed the wait within 0.050 s of real time: " +
            Advice.RealTime + "." + Environment.NewLine,
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void RealTime_Text_NamesTheUsualCauses()
    {
        Assert.Equal(
            "code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), or wait on a TaskCompletionSource, channel or lock that nothing completes",
            Advice.RealTime);
    }
}
