using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using AsyncEnumTesting.Reactive;
using Microsoft.Reactive.Testing;
using static Microsoft.Reactive.Testing.ReactiveTest;

namespace AsyncEnumTesting.Reactive.Tests.Time;

public sealed class VirtualClockSchedulerExtensionsTests
{
    [Fact]
    public void CreateTestScheduler_NullClock_Throws()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => VirtualClockSchedulerExtensions.CreateTestScheduler(null!));

        Assert.Equal("clock", ex.ParamName);
    }

    [Fact]
    public async Task CreateTestScheduler_ClockAdvancedByAsyncTimer_SchedulerShowsSameTime()
    {
        var clock = new VirtualClock();
        var scheduler = clock.CreateTestScheduler();
        var delay = Task.Delay(TimeSpan.FromSeconds(5), clock);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(5));
        await delay;

        Assert.Equal(TimeSpan.FromSeconds(5).Ticks, scheduler.Clock);
        Assert.Equal(clock.GetUtcNow(), scheduler.Now);
    }

    [Fact]
    public async Task Schedule_RelativeWork_RunsWhenClockReachesIt()
    {
        var clock = new VirtualClock();
        var scheduler = clock.CreateTestScheduler();
        var ranAt = new List<TimeSpan>();
        scheduler.Schedule(TimeSpan.FromSeconds(2), () => ranAt.Add(clock.Elapsed));

        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Empty(ranAt);
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal([TimeSpan.FromSeconds(2)], ranAt);
    }

    [Fact]
    public async Task Schedule_AfterClockMovedWithoutScheduler_CountsFromVirtualNow()
    {
        var clock = new VirtualClock();
        var scheduler = clock.CreateTestScheduler();
        await clock.AdvanceAsync(TimeSpan.FromSeconds(10));
        var ranAt = new List<TimeSpan>();

        scheduler.Schedule(TimeSpan.FromSeconds(1), () => ranAt.Add(clock.Elapsed));
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal([TimeSpan.FromSeconds(11)], ranAt);
    }

    [Fact]
    public async Task Schedule_DisposedWork_LeavesNoTimerOnClock()
    {
        var clock = new VirtualClock();
        var scheduler = clock.CreateTestScheduler();
        var ran = false;
        var work = scheduler.Schedule(TimeSpan.FromSeconds(1), () => ran = true);

        work.Dispose();
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(0, clock.PendingTimerCount);
        Assert.False(ran);
    }

    [Fact]
    public async Task CreateColdObservable_SubscribedAfterAsyncDelay_RecordsVirtualTimes()
    {
        var (xs, observer) = await VirtualTime.RunAsync(async clock =>
        {
            var scheduler = clock.CreateTestScheduler();
            var cold = scheduler.CreateColdObservable(OnNext(Ms(100), 1), OnCompleted<int>(Ms(200)));
            var recorder = scheduler.CreateObserver<int>();
            await Task.Delay(TimeSpan.FromMilliseconds(500), clock);
            var subscription = cold.Subscribe(recorder);
            await Task.Delay(TimeSpan.FromMilliseconds(300), clock);
            subscription.Dispose();
            return (cold, recorder);
        });

        xs.Subscriptions.AssertEqual(Subscribe(Ms(500), Ms(800)));
        observer.Messages.AssertEqual(OnNext(Ms(600), 1), OnCompleted<int>(Ms(700)));
    }

    [Fact]
    public async Task RunAsync_RxIntervalAndTaskDelay_InterleaveByVirtualTime()
    {
        var log = await VirtualTime.RunAsync(async clock =>
        {
            var scheduler = clock.CreateTestScheduler();
            var entries = new List<string>();
            var rx = Observable.Interval(TimeSpan.FromSeconds(1), scheduler).Take(3)
                .Do(i => entries.Add($"rx {i} at {clock.Elapsed.TotalSeconds}"))
                .ToTask();
            for (var i = 0; i < 2; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1.5), clock);
                entries.Add($"async {i} at {clock.Elapsed.TotalSeconds}");
            }

            await rx;
            return entries;
        });

        Assert.Equal(["rx 0 at 1", "async 0 at 1.5", "rx 1 at 2", "async 1 at 3", "rx 2 at 3"], log);
    }

    [Theory]
    [InlineData("Start")]
    [InlineData("AdvanceBy")]
    [InlineData("AdvanceTo")]
    public async Task OwnDriving_ClockedScheduler_ThrowsBeforeRunningAnythingAndTheClockStillDrivesIt(string call)
    {
        var clock = new VirtualClock();
        var scheduler = clock.CreateTestScheduler();
        var observer = scheduler.CreateObserver<int>();
        scheduler.CreateColdObservable(OnNext(Ms(1000), 1)).Subscribe(observer);

        var ex = Assert.Throws<InvalidOperationException>(() =>
        {
            switch (call)
            {
                case "Start": scheduler.Start(); break;
                case "AdvanceBy": scheduler.AdvanceBy(Ms(5000)); break;
                default: scheduler.AdvanceTo(Ms(5000)); break;
            }
        });

        Assert.Equal(
            "The TestScheduler follows a VirtualClock (clock.CreateTestScheduler()), so its own Start, AdvanceBy and AdvanceTo cannot be used: "
            + "they would run Rx work without the clock and move the scheduler's clock away from the VirtualClock. Nothing was run; both clocks stay at 00:00.000. "
            + "Advance the VirtualClock instead: await clock.AdvanceAsync(...), or let VirtualTime.RunAsync move it.",
            ex.Message);
        Assert.Empty(observer.Messages);
        Assert.Equal(0, scheduler.Clock);
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        observer.Messages.AssertEqual(OnNext(Ms(1000), 1));
        Assert.Equal(Ms(1000), scheduler.Clock);
    }

    [Fact]
    public async Task AdvanceBy_InsideScheduledWorkOfARun_FailsTheRun()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => VirtualTime.RunAsync(async clock =>
        {
            var scheduler = clock.CreateTestScheduler();
            scheduler.Schedule(TimeSpan.FromSeconds(1), () => scheduler.AdvanceBy(Ms(5000)));
            await Task.Delay(TimeSpan.FromSeconds(2), clock);
        }));

        Assert.Equal(
            "The TestScheduler follows a VirtualClock (clock.CreateTestScheduler()), so its own Start, AdvanceBy and AdvanceTo cannot be used: "
            + "they would run Rx work without the clock and move the scheduler's clock away from the VirtualClock. Nothing was run; both clocks stay at 00:01.000. "
            + "Advance the VirtualClock instead: await clock.AdvanceAsync(...), or let VirtualTime.RunAsync move it.",
            ex.Message);
    }

    [Fact]
    public async Task Sleep_ClockedScheduler_NextClockMoveThrowsNamingBothClocks()
    {
        var clock = new VirtualClock();
        var scheduler = clock.CreateTestScheduler();
        scheduler.Sleep(Ms(5000));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => clock.AdvanceAsync(TimeSpan.FromSeconds(1)));

        Assert.Equal(
            "The TestScheduler's clock is at 00:05.000 while its VirtualClock is at 00:01.000: the scheduler's own Sleep moved it, but it follows "
            + "the VirtualClock (clock.CreateTestScheduler()). Advance the VirtualClock instead: await clock.AdvanceAsync(...), or let VirtualTime.RunAsync move it.",
            ex.Message);
    }

    private static long Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds).Ticks;
}
