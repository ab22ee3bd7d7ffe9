namespace AsyncEnumTesting.Tests.Time;

public sealed partial class VirtualClockTests
{
    [Fact]
    public async Task ScriptedWait_NothingDrivesTheClock_FailsWithinTheGraceNamingTheWaiter()
    {
        var clock = new VirtualClock { RealTimeGrace = TimeSpan.FromMilliseconds(200) };
        var pages = FakeSequence.Script<int>(clock, name: "pages").Yield(1).Wait(TimeSpan.FromSeconds(5)).Yield(2);

        // A plain test that awaits its consumer without advancing the clock: before, this waited for ever.
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(async () =>
        {
            await foreach (var _ in pages)
            {
            }
        });

        Assert.Equal(
            "Nothing drives this VirtualClock: a fake has waited <real> of real time on it while it stood at 00:00.000 with 1 timer(s) " +
            "pending, and no AdvanceAsync call, VirtualTime.RunAsync run, reader or Should(clock) moved it, so the code under test would " +
            "wait for ever. Drive the clock: await clock.AdvanceAsync(...) while the consumer runs, run the test inside VirtualTime.RunAsync " +
            "(or a [VirtualTimeFact]), or read the consumer's source through OpenReader(clock) or Should(clock)." + Environment.NewLine +
            "Waiting now:" + Environment.NewLine +
            "  scripted sequence \"pages\" #1 waits in MoveNextAsync (Wait(00:05.000)) since 00:00.000",
            NormalizeRealTime(ex.Message));
    }

    [Fact]
    public async Task ScriptedHang_NothingDrivesTheClock_FailsInsteadOfHanging()
    {
        var clock = new VirtualClock { RealTimeGrace = TimeSpan.FromMilliseconds(200) };
        var silent = FakeSequence.Script<int>(clock).Yield(1).HangUntilCanceled();

        var ex = await Assert.ThrowsAsync<VirtualTimeException>(async () =>
        {
            await foreach (var _ in silent)
            {
            }
        });

        Assert.StartsWith("Nothing drives this VirtualClock: a fake has waited", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptedWait_TestAdvancesTheClock_CompletesWithoutTheWatchdog()
    {
        var clock = new VirtualClock { RealTimeGrace = TimeSpan.FromMilliseconds(200) };
        var pages = FakeSequence.Script<int>(clock).Yield(1).Wait(TimeSpan.FromSeconds(5)).Yield(2);
        var items = new List<int>();
        var consumer = Task.Run(async () =>
        {
            await foreach (var item in pages)
            {
                items.Add(item);
            }
        });

        while (!consumer.IsCompleted)
        {
            await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
            await Task.WhenAny(consumer, Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System)); // real time on purpose: the consumer runs on the pool
        }

        await consumer;
        Assert.Equal([1, 2], items);
    }
}
