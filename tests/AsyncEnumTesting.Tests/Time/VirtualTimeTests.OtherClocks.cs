namespace AsyncEnumTesting.Tests.Time;

/// <content>A body that waits on a clock of its own: the run names that clock's pending timer instead of suspecting real time.</content>
public sealed partial class VirtualTimeTests
{
    [Fact]
    public async Task RunAsync_BodyDelaysOnAClockItCreated_NamesThatClocksPendingTimer()
    {
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            async _ =>
            {
                var mine = new VirtualClock();
                await Task.Delay(TimeSpan.FromSeconds(1), mine);
            },
            ShortGrace));

        Assert.Contains(
            "or wait on a TaskCompletionSource, channel or lock that nothing completes. A VirtualClock created inside this run has 1 " +
            "timer(s) pending, the next due at 00:01.000 of its time: the run drives only the clock it passes to the body, so pass that " +
            "clock to the code under test instead of a new one. Virtual time reached 00:00.000",
            ex.Message);
    }

    [Fact]
    public async Task RunAsync_BodyWaitsOnNothingWithAnIdleClockOfItsOwn_SaysNothingOfThatClock()
    {
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            async _ =>
            {
                var mine = new VirtualClock();
                await new TaskCompletionSource().Task;
                GC.KeepAlive(mine);
            },
            ShortGrace));

        Assert.DoesNotContain("A VirtualClock created inside this run", ex.Message);
    }
}
