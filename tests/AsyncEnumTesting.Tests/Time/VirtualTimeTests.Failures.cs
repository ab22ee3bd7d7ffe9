using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AsyncEnumTesting.Tests.Time;

/// <content>Runs that cannot finish: each fails fast with a diagnosis instead of hanging.</content>
public sealed partial class VirtualTimeTests
{
    private static readonly VirtualTimeOptions ReportFaults = new() { ReportUnobservedFaults = true };

    private static readonly VirtualTimeOptions ShortGrace = new() { RealTimeGrace = TimeSpan.FromMilliseconds(100) };

    [Fact]
    public async Task RunAsync_UncompletedTaskCompletionSource_FailsWithinGraceNamingBothClocks()
    {
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            async clock =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5), clock);
                await new TaskCompletionSource().Task;
            },
            ShortGrace));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"The hang took {watch.Elapsed} to report.");
        Assert.Equal(Stuck("00:05.000", "1"), VirtualClockTests.NormalizeRealTime(ex.Message));
    }

    [Fact]
    public async Task RunAsync_RealTaskDelayInCodeUnderTest_FailsWithinGrace()
    {
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            async clock =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1500), clock);
                await Task.Delay(TimeSpan.FromHours(1));  // real time on purpose
            },
            ShortGrace));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"The hang took {watch.Elapsed} to report.");
        Assert.Equal(Stuck("00:01.500", "1"), VirtualClockTests.NormalizeRealTime(ex.Message));
    }

    [Fact]
    public async Task RunAsync_StuckWithRegisteredWaiters_ListsThem()
    {
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            async clock =>
            {
                await Task.Delay(TimeSpan.FromSeconds(3), clock);
                using var first = clock.Waiters.Add(() => "probe \"orders\" #1 in MoveNextAsync since 00:03.000");
                using var second = clock.Waiters.Add(() => "reader of \"orders\" in AwaitItemAsync since 00:03.000");
                using (clock.Waiters.Add(() => "gone"))
                {
                }

                await new TaskCompletionSource().Task;
            },
            ShortGrace));

        Assert.Equal(
            Stuck("00:03.000", "1") + Environment.NewLine + "Waiting now:" +
            Environment.NewLine + "  probe \"orders\" #1 in MoveNextAsync since 00:03.000" +
            Environment.NewLine + "  reader of \"orders\" in AwaitItemAsync since 00:03.000",
            VirtualClockTests.NormalizeRealTime(ex.Message));
    }

    [Fact]
    public async Task RunAsync_EndlessPollOverVirtualBudget_FailsNamingBudgetAndBothClocks()
    {
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            async clock =>
            {
                using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
                while (await timer.WaitForNextTickAsync())
                {
                }
            },
            new VirtualTimeOptions { RealTimeGrace = TimeSpan.FromMilliseconds(100), VirtualTimeLimit = TimeSpan.FromMinutes(1) }));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"The endless poll took {watch.Elapsed} to report.");
        Assert.Equal(
            "The virtual-time run used up its budget of 01:00.000 of virtual time: the next timer is due at 01:01.000. Timers kept " +
            "firing until then and the body still waits: an endless timer loop (a poll without a stop condition, or one that waits " +
            "for the system clock to pass a time?) keeps it from finishing, or it waits on something no timer completes (a " +
            "TaskCompletionSource, a channel) while a periodic timer keeps the clock moving." + SystemClockHint +
            " Raise VirtualTimeOptions.VirtualTimeLimit if the test needs more. Virtual time reached 01:00.000 after " +
            "60 timer firing(s); real time spent <real>.",
            VirtualClockTests.NormalizeRealTime(ex.Message));
    }

    [Fact]
    public async Task RunAsync_OneDelayPastTheBudget_FailsNamingTheLongWaitNotALoop()
    {
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            clock => Task.Delay(TimeSpan.FromMinutes(1), clock),
            new VirtualTimeOptions { VirtualTimeLimit = TimeSpan.FromSeconds(10) }));

        Assert.Equal(
            "The virtual-time run used up its budget of 00:10.000 of virtual time: the next timer is due at 01:00.000. No timer fired " +
            "before it: the body waits for that one timer (a long delay or timeout in the code under test?). Raise " +
            "VirtualTimeOptions.VirtualTimeLimit if the test needs more. Virtual time reached 00:00.000 after 0 timer firing(s); real " +
            "time spent <real>.",
            VirtualClockTests.NormalizeRealTime(ex.Message));
    }

    [Fact]
    public async Task RunAsync_BudgetOnClockAlreadyAdvanced_CountsFromRunStart()
    {
        var clock = new VirtualClock();
        await clock.AdvanceAsync(TimeSpan.FromHours(5));

        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            clock,
            async c =>
            {
                while (true)
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), c);
                }
            },
            new VirtualTimeOptions { VirtualTimeLimit = TimeSpan.FromMinutes(1) }));

        Assert.StartsWith(
            "The virtual-time run used up its budget of 01:00.000 of virtual time: the next timer is due at 01:30.000.",
            ex.Message,
            StringComparison.Ordinal);
        Assert.Contains("Virtual time reached 01:00.000 after 2 timer firing(s)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TooManyTimerFirings_FailsNamingBudgetAndBothClocks()
    {
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            async clock =>
            {
                while (true)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(1), clock);
                }
            },
            new VirtualTimeOptions { MaxTimerFirings = 1_500 }));

        Assert.Equal(
            "The virtual-time run used up its budget of 1,500 timer firings. An endless timer loop keeps the body from finishing." +
            SystemClockHint + " Raise VirtualTimeOptions.MaxTimerFirings only if the test needs more. Virtual time reached 00:01.500 after 1,500 timer " +
            "firing(s); real time spent <real>.",
            VirtualClockTests.NormalizeRealTime(ex.Message));
    }

    [Fact]
    public async Task RunAsync_BusyYieldLoop_FailsAtRealTimeLimit()
    {
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            async clock =>
            {
                while (true)
                {
                    await Task.Yield();
                }
            },
            new VirtualTimeOptions { RealTimeLimit = TimeSpan.FromMilliseconds(100) }));

        Assert.Equal(
            "The virtual-time run used up its real-time limit of 0.100 s: the body keeps queuing work without waiting on the clock " +
            "(a loop around Task.Yield()?). Virtual time reached 00:00.000 after 0 timer firing(s); real time spent <real>.",
            Regex.Replace(ex.Message, @"spent \d+\.\d{3} s", "spent <real>"));
    }

    [Fact]
    public async Task RunAsync_FireAndForgetFault_FailsTheRun()
    {
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            async clock =>
            {
                StartAndForget(clock);
                await Task.Delay(TimeSpan.FromSeconds(5), clock);
            },
            ReportFaults));

        Assert.Equal(
            "Work started in the virtual-time run failed and nobody awaited it: InvalidOperationException: forgotten failure. Await " +
            "the task, or observe its failure. Virtual time reached 00:05.000 after 2 timer firing(s); real time spent <real>.",
            VirtualClockTests.NormalizeRealTime(ex.Message));
        Assert.IsType<InvalidOperationException>(ex.InnerException);
    }

    [Fact]
    public async Task RunAsync_TwoFireAndForgetFaults_CountsTheOthers()
    {
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(
            async clock =>
            {
                StartAndForget(clock);
                StartAndForget(clock);
                await Task.Delay(TimeSpan.FromSeconds(5), clock);
            },
            ReportFaults));

        Assert.StartsWith(
            "Work started in the virtual-time run failed and nobody awaited it: InvalidOperationException: forgotten failure (and 1 more).",
            ex.Message,
            StringComparison.Ordinal);
        Assert.IsType<AggregateException>(ex.InnerException);
    }

    [Fact]
    public async Task RunAsync_FireAndForgetFaultWithoutReporting_Succeeds()
    {
        // The default run pays for no process-wide hook and no forced collection: forgotten faults go unreported.
        var elapsed = await VirtualTime.RunAsync(async clock =>
        {
            StartAndForget(clock);
            await Task.Delay(TimeSpan.FromSeconds(5), clock);
            return clock.Elapsed;
        });

        Assert.Equal(TimeSpan.FromSeconds(5), elapsed);
    }

    [Fact]
    public async Task RunAsync_FaultsAwaitedAndCaught_Succeeds()
    {
        var caught = await VirtualTime.RunAsync(async clock =>
        {
            var failures = 0;
            for (var i = 0; i < 3; i++)
            {
                try
                {
                    await FailAfter(clock, TimeSpan.FromSeconds(1));
                }
                catch (InvalidOperationException)
                {
                    failures++;
                }
            }

            return failures;
        });

        Assert.Equal(3, caught);
    }

    [Fact]
    public async Task RunAsync_BodyFaultsAndForgottenWorkFaults_ReportsTheBodyFault()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => VirtualTime.RunAsync(async clock =>
        {
            StartAndForget(clock);
            await Task.Delay(TimeSpan.FromSeconds(5), clock);
            throw new ArgumentException("body failed");
        }));

        Assert.Equal("body failed", ex.Message);
    }

    [Fact]
    public async Task RunAsync_AsyncVoidThrows_FailsTheRun()
    {
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(async clock =>
        {
            AsyncVoid(clock);
            await Task.Delay(TimeSpan.FromSeconds(5), clock);
        }));

        Assert.Equal(
            "An async void method in the virtual-time run threw InvalidOperationException: async void failed. Nothing could await it. " +
            "Virtual time reached 00:01.000 after 1 timer firing(s); real time spent <real>.",
            VirtualClockTests.NormalizeRealTime(ex.Message));
        Assert.Equal("async void failed", ex.InnerException!.Message);

        static async void AsyncVoid(VirtualClock clock)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            throw new InvalidOperationException("async void failed");
        }
    }

    private const string SystemClockHint =
        " A loop that delays on the virtual clock until the system clock (DateTime.UtcNow, DateTimeOffset.Now, Stopwatch, " +
        "Environment.TickCount) passes a time never ends in virtual time: read the time from the TimeProvider instead " +
        "(GetUtcNow(), GetTimestamp()).";

    private static string Stuck(string virtualTime, string firings) =>
        "The virtual-time run is stuck: the body is still waiting (task status WaitingForActivation), but no work is queued and " +
        "no timer is pending, and nothing posted work for <real> of real time. The body waits on a task that nothing in virtual " +
        "time will complete: code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), or wait " +
        "on a TaskCompletionSource, channel or lock that nothing completes. " +
        $"Virtual time reached {virtualTime} after {firings} timer firing(s); real time spent <real>.";

    private static void StartAndForget(VirtualClock clock) => _ = FailAfter(clock, TimeSpan.FromSeconds(1));

    private static async Task FailAfter(VirtualClock clock, TimeSpan delay)
    {
        await Task.Delay(delay, clock);
        throw new InvalidOperationException("forgotten failure");
    }
}
