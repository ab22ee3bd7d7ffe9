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

    [Fact]
    public async Task NothingPendingInRun_InsideARunWithNoTimerPending_GivesTheClauseOtherwiseNothing()
    {
        var outside = new VirtualClock();
        using var pending = outside.CreateTimer(static _ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        var (inRun, inRunWithTimer) = await VirtualTime.RunAsync(clock =>
        {
            var nothing = Advice.NothingPendingInRun(clock);
            using var timer = clock.CreateTimer(static _ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
            return Task.FromResult((nothing, Advice.NothingPendingInRun(clock)));
        });

        Assert.Equal(", and no timer is pending on the clock, so nothing in virtual time would have ended the wait: " + Advice.RealTime, inRun);
        Assert.Equal(string.Empty, inRunWithTimer);
        Assert.Equal(string.Empty, Advice.NothingPendingInRun(new VirtualClock()));
        Assert.Throws<ArgumentNullException>(() => Advice.NothingPendingInRun(null!));
    }
}
