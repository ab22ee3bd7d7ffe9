using System.Text.RegularExpressions;
namespace AsyncEnumTesting.Tests.Time;

public sealed partial class VirtualTimeTests
{
    [Fact]
    public async Task RunAsync_Body_ReturnsItsResultAndJumpsTime()
    {
        var (value, elapsed) = await VirtualTime.RunAsync(async clock =>
        {
            await Task.Delay(TimeSpan.FromDays(2), clock);
            return (42, clock.Elapsed);
        });

        Assert.Equal(42, value);
        Assert.Equal(TimeSpan.FromDays(2), elapsed);
    }

    [Fact]
    public async Task RunAsync_GivenClock_DrivesItFromItsStart()
    {
        var start = new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var clock = new VirtualClock(start);

        await VirtualTime.RunAsync(clock, c => Task.Delay(TimeSpan.FromMinutes(5), c));

        Assert.Equal(start.AddMinutes(5), clock.GetUtcNow());
        Assert.Null(clock.Runner);
    }

    [Fact]
    public async Task RunAsync_NonGenericBody_Completes()
    {
        var ran = false;

        await VirtualTime.RunAsync(async clock =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            ran = true;
        });

        Assert.True(ran);
    }

    [Fact]
    public async Task RunAsync_BodyOnRunContext_SeesSingleThread()
    {
        var threads = await VirtualTime.RunAsync(async clock =>
        {
            var ids = new HashSet<int> { Environment.CurrentManagedThreadId };
            for (var i = 0; i < 10; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock);
                ids.Add(Environment.CurrentManagedThreadId);
                await Task.Yield();
                ids.Add(Environment.CurrentManagedThreadId);
            }

            return ids.Count;
        });

        Assert.Equal(1, threads);
    }

    [Fact]
    public void RunAsync_NullBody_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => { _ = VirtualTime.RunAsync((Func<VirtualClock, Task>)null!); });
        Assert.Throws<ArgumentNullException>(() => { _ = VirtualTime.RunAsync((Func<VirtualClock, Task<int>>)null!); });
        Assert.Throws<ArgumentNullException>(() => { _ = VirtualTime.RunAsync(new VirtualClock(), (Func<VirtualClock, Task>)null!); });
    }

    [Fact]
    public void RunAsync_NullClock_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => { _ = VirtualTime.RunAsync(null!, _ => Task.CompletedTask); });
        Assert.Throws<ArgumentNullException>(() => { _ = VirtualTime.RunAsync(null!, _ => Task.FromResult(1)); });
    }

    [Fact]
    public async Task RunAsync_BodyReturnsNullTask_FailsNamingIt()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => VirtualTime.RunAsync<int>(_ => null!));

        Assert.Equal(
            "The virtual-time body returned a null task. Return the task of the async work (make the lambda async, or return Task.CompletedTask).",
            ex.Message);
    }

    [Fact]
    public async Task RunAsync_BodyThrows_RethrowsTheSameException()
    {
        var thrown = new InvalidOperationException("body failed");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => VirtualTime.RunAsync(async clock =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            throw thrown;
        }));

        Assert.Same(thrown, ex);
    }

    [Fact]
    public async Task RunAsync_BodyCanceled_IsCanceled()
    {
        var run = VirtualTime.RunAsync(async clock =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3), clock);
            await Task.Delay(TimeSpan.FromMinutes(1), clock, cts.Token);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(run.IsCanceled);
    }

    [Fact]
    public async Task RunAsync_ClockDrivenByAnotherRun_ThrowsInvalidOperation()
    {
        var clock = new VirtualClock();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = VirtualTime.RunAsync(clock, _ => release.Task, new VirtualTimeOptions { RealTimeGrace = TimeSpan.FromSeconds(30) });

        var ex = Assert.Throws<InvalidOperationException>(() => { _ = VirtualTime.RunAsync(clock, _ => Task.CompletedTask); });
        release.SetResult();
        await first;

        Assert.Equal(
            "This VirtualClock is already driven by another VirtualTime.RunAsync call. Give each run its own clock, or await the " +
            "first run before starting the next.",
            ex.Message);
    }

    [Fact]
    public async Task RunAsync_SameClockAfterFirstRun_ContinuesFromItsTime()
    {
        var clock = new VirtualClock();
        await VirtualTime.RunAsync(clock, c => Task.Delay(TimeSpan.FromSeconds(5), c));

        var seen = await VirtualTime.RunAsync(clock, async c =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), c);
            return c.Elapsed;
        });

        Assert.Equal(TimeSpan.FromSeconds(10), seen);
    }

    [Fact]
    public async Task AdvanceAsync_InsideRun_RunsWokenWorkBeforeReturning()
    {
        var log = await VirtualTime.RunAsync(async clock =>
        {
            var entries = new List<string>();
            var worker = Worker(clock, entries);
            await clock.AdvanceAsync(TimeSpan.FromSeconds(2));
            entries.Add($"advanced to {clock.Elapsed:mm\\:ss\\.fff}");
            await worker;
            return entries;
        });

        Assert.Equal(["tick 00:01.000", "tick 00:02.000", "advanced to 00:02.000", "tick 00:03.000"], log);

        static async Task Worker(VirtualClock clock, List<string> entries)
        {
            for (var i = 0; i < 3; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock);
                entries.Add($"tick {clock.Elapsed:mm\\:ss\\.fff}");
            }
        }
    }

    [Fact]
    public async Task RunAsync_WorkOfTheRunOnThePool_ClockStandsStillWhileItRuns()
    {
        var (before, after) = await VirtualTime.RunAsync(async clock =>
        {
            var pending = Task.Delay(TimeSpan.FromHours(1), clock);
            var seen = await Task.Run(() =>
            {
                var at = clock.Elapsed;
                var spins = 0L;
                for (var i = 0; i < 2_000_000; i++)
                {
                    spins += i % 7;
                }

                return (at, clock.Elapsed, spins);
            });
            await pending;
            return (seen.at, seen.Item2);
        });

        Assert.Equal(before, after);
    }

    [Fact]
    public async Task RunAsync_BodyBlocksItsOwnThread_FailsWithinTheGrace()
    {
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            clock =>
            {
                // Sync over async on the run's own thread: only that thread could fire the timer.
                Task.Delay(TimeSpan.FromSeconds(1), clock).Wait();
                return Task.CompletedTask;
            },
            new VirtualTimeOptions { RealTimeGrace = TimeSpan.FromMilliseconds(300) }));

        Assert.Equal(
            "The virtual-time run's own thread has been blocked for <real> of real time inside the body or one of its continuations, so " +
            "nothing else in the run can happen: sync over async (.Result, .Wait() or GetAwaiter().GetResult()) or a synchronous lock " +
            "(SemaphoreSlim.Wait, Monitor.Enter) waits for work that needs this thread or the clock. Await it instead; raise " +
            "VirtualTimeOptions.RealTimeGrace only for synchronous work that is slow but finite. Virtual time reached 00:00.000 after 0 " +
            "timer firing(s); real time spent <real>.",
            Regex.Replace(VirtualClockTests.NormalizeRealTime(ex.Message), @"blocked for \d+\.\d{3} s", "blocked for <real>"));
    }

    [Fact]
    public async Task RunAsync_NonGenericBodyReturnsNullTask_FailsNamingIt()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => VirtualTime.RunAsync(_ => null!));

        Assert.StartsWith("The virtual-time body returned a null task.", ex.Message, StringComparison.Ordinal);
    }
}
