namespace AsyncEnumTesting.Tests.Time;

/// <content>Work of the run blocked on the pool: it needs a pool thread within the grace, so it runs with the pool to itself.</content>
/// <remarks>
/// Beside the parallel test classes, whose blocked threads can starve the pool, the item once waited in the queue past the
/// 300 ms grace (load average 12), and the run was diagnosed as hung with nothing in flight instead of stuck on its work.
/// </remarks>
public sealed partial class PoolHopTests
{
    [Fact]
    public async Task RunAsync_PoolWorkBlocksOnVirtualTimer_FailsNamingTheBlockedWork()
    {
        // Sync over async on the pool: the clock does not move while the run's work is in flight, so the work can never
        // end; after the grace the run fails instead of firing the timer under the blocked work's feet.
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            async clock => await Task.Run(() => Task.Delay(TimeSpan.FromSeconds(1), clock).Wait()),
            new VirtualTimeOptions { RealTimeGrace = TimeSpan.FromMilliseconds(300) }));

        Assert.Equal(
            "The virtual-time run is stuck: the body is still waiting (task status WaitingForActivation) and 1 piece(s) of the run's work " +
            "kept running on other threads for <real> of real time. The clock does not move while work of the run is in flight, so that " +
            "work blocks on something virtual time cannot complete: sync over async on the thread pool (.Result, .Wait() or " +
            "GetAwaiter().GetResult() on a virtual delay), a synchronous SemaphoreSlim.Wait or lock, or long real work (real I/O, a " +
            "LongRunning loop). Await instead of blocking; raise VirtualTimeOptions.RealTimeGrace only if that work is slow but finite. " +
            "Virtual time reached 00:00.000 after 0 timer firing(s); real time spent <real>.",
            VirtualClockTests.NormalizeRealTime(ex.Message));
    }
}
