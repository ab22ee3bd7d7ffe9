using System.Text.RegularExpressions;

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

    [Fact]
    public async Task RunAsync_StarvedPoolHoldsTheRunsWork_FailsNamingTheStarvedPool()
    {
        // Every pool thread blocks on an event only this test sets, and the pool may not add threads: the run's Task.Run item
        // waits in the queue. The body awaits it with no timer pending, so the run must say the pool is starved, not that
        // nothing is queued.
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);
        ThreadPool.GetMinThreads(out var minWorkers, out _);
        // Never disposed: blockers still queued when the test ends wait on it after it was set.
        var release = new ManualResetEventSlim();
        Task<int> run;
        Assert.True(ThreadPool.SetMaxThreads(minWorkers, maxIo));
        try
        {
            for (var i = 0; i < 4 * minWorkers; i++)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static r => r.Wait(), release, preferLocal: false);
            }

            run = VirtualTime.RunAsync(
                async clock => await Task.Run(() => 1),
                new VirtualTimeOptions { RealTimeGrace = TimeSpan.FromMilliseconds(300) });

            // Not on the pool, which is starved: a thread of its own waits for the run to end, then frees the pool.
            ((IAsyncResult)run).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(10));
        }
        finally
        {
            release.Set();
            ThreadPool.SetMaxThreads(maxWorkers, maxIo);
        }

        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => run);

        Assert.Equal(
            "The virtual-time run is stuck: the body is still waiting (task status WaitingForActivation) and no timer is pending, but the " +
            "thread pool holds <n> queued work item(s) and did not start the check item the run queued behind them within <real> of real " +
            "time: its threads are all busy or blocked (a starved pool), so work of the run that would let the body go on may be waiting in " +
            "its queue. Blocking waits in pool work (.Result, .Wait(), Thread.Sleep, a synchronous lock), in this test or in tests running " +
            "beside it, starve the pool: await instead, or run such tests in a collection of their own. " +
            "Virtual time reached 00:00.000 after 0 timer firing(s); real time spent <real>.",
            Regex.Replace(VirtualClockTests.NormalizeRealTime(ex.Message), "holds [0-9,]+ queued", "holds <n> queued"));
    }

    [Fact]
    public async Task RunAsync_PoolBusyLongerThanTheGrace_DiagnosesTheHangNotAStarvedPool()
    {
        // One blocker per core keeps the pool's threads busy for 400 ms, four times the grace, in a process whose pool has no
        // more threads than that (run alone): the run's check item waits in the queue past the grace but does start. The
        // body waits on a task nothing completes, so this is a plain hang, not a starved pool (a CI run with tests beside it
        // once said "starved" for a pool that was only slow). A blocker per pool thread instead made the check item wait
        // behind many rounds of blockers in a pool grown by earlier tests, past the longer wait too (CI, once).
        var blockers = Environment.ProcessorCount;
        // Never disposed: should a blocker start late, it signals after the test is gone.
        var done = new CountdownEvent(blockers);
        for (var i = 0; i < blockers; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                static d =>
                {
                    Thread.Sleep(400); // real time on purpose: the pool thread is what is busy
                    d.Signal();
                },
                done,
                preferLocal: false);
        }

        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            async clock =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock);
                await new TaskCompletionSource().Task;
            },
            new VirtualTimeOptions { RealTimeGrace = TimeSpan.FromMilliseconds(100) }));

        // The tests after this one get the pool back free.
        done.Wait(TimeSpan.FromSeconds(10));
        Assert.Equal(
            "The virtual-time run is stuck: the body is still waiting (task status WaitingForActivation), but no work is queued and " +
            "no timer is pending, and nothing posted work for <real> of real time. The body waits on a task that nothing in virtual " +
            "time will complete: code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), or wait " +
            "on a TaskCompletionSource, channel or lock that nothing completes. " +
            "Virtual time reached 00:01.000 after 1 timer firing(s); real time spent <real>.",
            VirtualClockTests.NormalizeRealTime(ex.Message));
    }
}
