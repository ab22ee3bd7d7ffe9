namespace AsyncEnumTesting.Tests.Time;

/// <content>The public bounded wait (<see cref="VirtualClock.WaitAsync"/>) that the reader, the assertion packages and third-party integrations use.</content>
public sealed partial class VirtualClockTests
{
    [Fact]
    public async Task WaitAsync_TaskCompletedByATimer_DrivesTheClockExactlyToIt()
    {
        var clock = new VirtualClock();
        using var unrelated = clock.CreateTimer(_ => { }, null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);

        var outcome = await clock.WaitAsync(Task.Delay(TimeSpan.FromSeconds(3), clock), TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        Assert.Equal(WaitEnd.Completed, outcome.End);
        Assert.Null(outcome.Failure);
        Assert.Equal(TimeSpan.FromSeconds(3), clock.Elapsed);
    }

    [Fact]
    public async Task WaitAsync_FailedTask_CompletedWithoutThrowing()
    {
        var clock = new VirtualClock();
        var failing = Fail(clock);

        var outcome = await clock.WaitAsync(failing, null, Timeout.InfiniteTimeSpan);

        Assert.Equal(WaitEnd.Completed, outcome.End);
        Assert.IsType<InvalidOperationException>(failing.Exception?.InnerException);

        static async Task Fail(VirtualClock clock)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            throw new InvalidOperationException("boom");
        }
    }

    [Fact]
    public async Task WaitAsync_NextTimerBeyondTheVirtualLimit_EndsAtTheLimit()
    {
        var clock = new VirtualClock();

        var outcome = await clock.WaitAsync(Task.Delay(TimeSpan.FromSeconds(10), clock), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(50));

        Assert.Equal(WaitEnd.VirtualLimit, outcome.End);
        Assert.StartsWith("Nothing happened within 00:02.000 of virtual time", outcome.Failure?.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(2), clock.Elapsed);
    }

    [Fact]
    public async Task WaitAsync_NoTimerAndNothingCompletes_NothingPending()
    {
        var clock = new VirtualClock();

        var outcome = await clock.WaitAsync(new TaskCompletionSource().Task, TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(50));

        Assert.Equal(WaitEnd.NothingPending, outcome.End);
        Assert.StartsWith("Nothing can happen any more in virtual time", outcome.Failure?.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
    }

    [Fact]
    public async Task WaitAsync_TimerScheduledOnThePoolWhileNoneIsPending_FiresItAtOnce()
    {
        // A producer started with Task.Run creates its first delay a moment after the wait began, with no timer pending
        // then. The bug this guards: the wait sat out its whole real-time grace on the task and failed with the producer's
        // timer pending, in a plain test the README shows ("nothing happened within 1 hour", the clock still at zero).
        var clock = new VirtualClock();
        var started = new TaskCompletionSource();
        var producer = Task.Run(async () =>
        {
            await started.Task.ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromSeconds(1), clock).ConfigureAwait(false);
        });

        var waiting = clock.WaitAsync(producer, TimeSpan.FromHours(1), TimeSpan.FromSeconds(30));
        started.SetResult();
        var outcome = await waiting;

        Assert.Equal(WaitEnd.Completed, outcome.End);
        Assert.Equal(TimeSpan.FromSeconds(1), clock.Elapsed);
    }

    [Fact]
    public async Task WaitAsync_TimersScheduledAndCanceledWithoutEnd_StillEnds()
    {
        // Each new timer ends the quiet wait, but the grace counts from the last firing: churn alone cannot keep it waiting.
        // (A timer the wait catches alive is due past the limit, which ends the wait too.)
        var clock = new VirtualClock();
        using var stop = new CancellationTokenSource();
        var churn = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                clock.CreateTimer(_ => { }, null, TimeSpan.FromHours(2), Timeout.InfiniteTimeSpan).Dispose();
                await Task.Delay(1, CancellationToken.None).ConfigureAwait(false); // real time on purpose: churn on another thread
            }
        });

        var outcome = await clock.WaitAsync(new TaskCompletionSource().Task, TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(200));
        await stop.CancelAsync();
        await churn;

        Assert.Contains(outcome.End, new[] { WaitEnd.NothingPending, WaitEnd.VirtualLimit });
    }

    [Fact]
    public async Task WaitAsync_NullTask_Throws()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => new VirtualClock().WaitAsync(null!, null, Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public async Task WaitAsync_InsideARun_TheRunMovesTheClock()
    {
        var (end, elapsed) = await VirtualTime.RunAsync(async clock =>
        {
            var outcome = await clock.WaitAsync(Task.Delay(TimeSpan.FromSeconds(5), clock), TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
            return (outcome.End, clock.Elapsed);
        });

        Assert.Equal(WaitEnd.Completed, end);
        Assert.Equal(TimeSpan.FromSeconds(5), elapsed);
    }

    [Fact]
    public async Task WaitAsync_InsideARunPastTheVirtualLimit_EndsAtTheLimit()
    {
        // The limit is a kit deadline, fired once the run stayed quiet for its grace: 50 ms here, as nothing real runs.
        var (end, elapsed) = await VirtualTime.RunAsync(
            async clock =>
            {
                var outcome = await clock.WaitAsync(Task.Delay(TimeSpan.FromSeconds(10), clock), TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
                return (outcome.End, clock.Elapsed);
            },
            new VirtualTimeOptions { RealTimeGrace = TimeSpan.FromMilliseconds(50) });

        Assert.Equal(WaitEnd.VirtualLimit, end);
        Assert.Equal(TimeSpan.FromSeconds(2), elapsed);
    }

    [Fact]
    public async Task IsInRun_OnlyWhileARunDrivesTheClock()
    {
        var clock = new VirtualClock();

        var inside = await VirtualTime.RunAsync(clock, c => Task.FromResult(c.IsInRun));

        Assert.True(inside);
        Assert.False(clock.IsInRun);
    }
}
