using AsyncEnumTesting.Testing;

namespace AsyncEnumTesting.Tests.Time;

/// <summary>Work of the run that a pool thread took before the clock moved and started after it: the run fails loudly.</summary>
public sealed partial class VirtualTimeTests
{
    [Fact]
    public async Task RunAsync_PoolThreadStartsRunWorkItTookBeforeTheClockMoved_FailsWithLateStart()
    {
        // What a pool thread preempted between taking an item of the run and starting it looks like, made exact: an item
        // taken before the move (queued without the run's context, so the run does not count it) that enters the run's
        // execution context only after the clock moved. The run cannot tell its order from a run where it came in time.
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(LateStartBody.RunAsync));

        Assert.True(ex.IsLateStart);
        Assert.Equal(
            "Work of the virtual-time run started on a thread-pool thread <real> of real time after the thread took it off the pool's " +
            "queue, and the clock moved on in between (the work started at 00:01.000): this run's events may be in another order than " +
            "in a run where that thread was not held up. The machine was too busy for the run to wait for that thread (it waits for a " +
            "thread that took work of the run, at most 20 ms and less while other work keeps the pool busy). The code under test is not at fault: run the test again, and run less at " +
            "once on this machine if it keeps happening. Virtual time reached 00:01.000 after 1 timer firing(s); real time spent <real>.",
            VirtualClockTests.NormalizeRealTime(ex.Message));
    }

    [Fact]
    public async Task RunAsync_RunWorkWaitedInThePoolQueueWhileTheClockMoved_FailsWithLateStartWhileQueued()
    {
        // An item that waited in a queue across a move (the local queue of a preempted pool thread) is taken only after the
        // move, so its take is not late; the time it was queued is. No test can hold the pool's queue on purpose, so the
        // run is told what the pool watch tells it then (QueueStampsTests covers the stamps themselves).
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(async clock =>
        {
            var queuedAt = System.Diagnostics.Stopwatch.GetTimestamp();
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            clock.Runner!.NoteLateStart(queuedAt, whileQueued: true);
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
        }));

        Assert.True(ex.IsLateStart);
        Assert.Equal(
            "Work of the virtual-time run started on a thread-pool thread <real> of real time after it was queued, and the clock moved " +
            "on while it waited in the pool's queue (the work started at 00:01.000): this run's events may be in another order than in " +
            "a run where the pool took that work in time. The machine was too busy for the run to wait for it (it waits for work of the " +
            "run that is queued or taken, at most 20 ms and less while other work keeps the pool busy). The code under test is not at fault: run the test again, and run less at once on " +
            "this machine if it keeps happening. Virtual time reached 00:01.000 after 1 timer firing(s); real time spent <real>.",
            VirtualClockTests.NormalizeRealTime(ex.Message));
    }

    [Fact]
    public async Task RunAsync_ItemTheRunQueuedTakenAfterTheClockMoved_FailsWithLateStartWhileQueued()
    {
        // An item the run's code queued before a move (a channel completing a reader through ValueTask.AsTask, say) may run
        // no code of the run at all, yet decide which task of a WhenAny won: it is checked when a pool thread takes it.
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(async clock =>
        {
            var queued = new QueueStamps.Stamp(PoolTakes.MovesSoFar, System.Diagnostics.Stopwatch.GetTimestamp(), clock.Runner);
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            clock.Runner!.NoteTaken(queued);
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
        }));

        Assert.True(ex.IsLateStart);
        Assert.StartsWith(
            "Work of the virtual-time run started on a thread-pool thread <real> of real time after it was queued, and the clock moved " +
            "on while it waited in the pool's queue (the work started at 00:01.000)",
            VirtualClockTests.NormalizeRealTime(ex.Message));
    }

    [Fact]
    public async Task RunAsync_ItemTheRunQueuedTakenBeforeTheNextMove_DoesNotCountAsLate()
    {
        // The correct twin: an item queued after the last move is in time whenever it is taken before the next one.
        var elapsed = await VirtualTime.RunAsync(async clock =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            clock.Runner!.NoteTaken(new QueueStamps.Stamp(PoolTakes.MovesSoFar, System.Diagnostics.Stopwatch.GetTimestamp(), clock.Runner));
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            return clock.Elapsed;
        });

        Assert.Equal(TimeSpan.FromSeconds(2), elapsed);
    }

    [Fact]
    public async Task RunAsync_PoolWorkTakenAfterTheClockMoved_DoesNotCountAsLate()
    {
        // The correct twin: pool work queued after a move starts after it too; only a take before the move is late.
        var seen = await VirtualTime.RunAsync(async clock =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            var at = await Task.Run(() => clock.Elapsed);
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            return (at, clock.Elapsed);
        });

        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)), seen);
    }

    [Fact]
    public async Task ExploreAsync_ScheduleEndsInALateStart_ThrowsTheLateStartNotAScheduleFailure()
    {
        // A late start says the machine held up work of the run; it is no finding about the schedule, so it is not shrunk.
        var runs = 0;

        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.ExploreAsync(
            async clock =>
            {
                if (++runs == 2)
                {
                    await LateStartBody.RunAsync(clock);
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), clock);
            },
            new ExplorationOptions { Schedules = 3 }));

        Assert.True(ex.IsLateStart);
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task ExploreAsync_DefaultOrderEndsInALateStart_ThrowsTheLateStartAsItIs()
    {
        var runs = 0;

        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.ExploreAsync(
            clock =>
            {
                runs++;
                return LateStartBody.RunAsync(clock);
            },
            new ExplorationOptions { Schedules = 3 }));

        Assert.True(ex.IsLateStart);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task RunAsync_WorkQueuedFromTheRunNeverEntersIt_StillMovesTheClock()
    {
        // Queued from the run's flow without its context, this item never starts in the run, and it keeps a pool thread
        // busy above the floor: the run waits for it only the bounded straggler wait, instead of stalling or failing.
        using var release = new ManualResetEventSlim();
        var at = await VirtualTime.RunAsync(async clock =>
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => release.Wait(TimeSpan.FromSeconds(10)), null);
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            release.Set();
            return clock.Elapsed;
        });

        Assert.Equal(TimeSpan.FromSeconds(2), at);
    }
}
