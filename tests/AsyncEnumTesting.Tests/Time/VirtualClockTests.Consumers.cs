namespace AsyncEnumTesting.Tests.Time;

/// <content>Every BCL consumer of <see cref="TimeProvider"/>, under both driving modes, with exact virtual timestamps.</content>
public sealed partial class VirtualClockTests
{
    [Theory]
    [InlineData(Driving.Manual)]
    [InlineData(Driving.Automatic)]
    public async Task TaskDelay_BothModes_CompletesAtExactTimes(Driving driving)
    {
        var stamps = await Drive.RunAsync(driving, TimeSpan.FromSeconds(10), async clock =>
        {
            var seen = new List<TimeSpan>();
            await Task.Delay(TimeSpan.FromMilliseconds(1500), clock);
            seen.Add(clock.Elapsed);
            await Task.Delay(TimeSpan.FromMilliseconds(250), clock);
            seen.Add(clock.Elapsed);
            await Task.Delay(TimeSpan.Zero, clock);
            seen.Add(clock.Elapsed);
            return seen;
        });

        Assert.Equal([1500, 1750, 1750], stamps.Select(s => s.TotalMilliseconds));
    }

    [Theory]
    [InlineData(Driving.Manual)]
    [InlineData(Driving.Automatic)]
    public async Task TaskDelay_Cancelled_ThrowsAtCancellationTime(Driving driving)
    {
        var (stamp, canceled) = await Drive.RunAsync(driving, TimeSpan.FromSeconds(10), async clock =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2), clock);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(5), clock, cts.Token);
                return (clock.Elapsed, false);
            }
            catch (TaskCanceledException)
            {
                return (clock.Elapsed, true);
            }
        });

        Assert.True(canceled);
        Assert.Equal(TimeSpan.FromSeconds(2), stamp);
    }

    [Theory]
    [InlineData(Driving.Manual)]
    [InlineData(Driving.Automatic)]
    public async Task PeriodicTimer_BothModes_TicksAtExactPeriods(Driving driving)
    {
        var stamps = await Drive.RunAsync(driving, TimeSpan.FromSeconds(10), async clock =>
        {
            var seen = new List<TimeSpan>();
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(400), clock);
            while (seen.Count < 5 && await timer.WaitForNextTickAsync())
            {
                seen.Add(clock.Elapsed);
            }

            return seen;
        });

        Assert.Equal([400, 800, 1200, 1600, 2000], stamps.Select(s => s.TotalMilliseconds));
    }

    [Theory]
    [InlineData(Driving.Manual)]
    [InlineData(Driving.Automatic)]
    public async Task PeriodicTimer_SlowConsumer_DoesNotDrift(Driving driving)
    {
        var stamps = await Drive.RunAsync(driving, TimeSpan.FromSeconds(10), async clock =>
        {
            var seen = new List<TimeSpan>();
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
            while (seen.Count < 4 && await timer.WaitForNextTickAsync())
            {
                seen.Add(clock.Elapsed);
                await Task.Delay(TimeSpan.FromMilliseconds(300), clock);
            }

            return seen;
        });

        Assert.Equal([1, 2, 3, 4], stamps.Select(s => s.TotalSeconds));
    }

    [Theory]
    [InlineData(Driving.Manual)]
    [InlineData(Driving.Automatic)]
    public async Task PeriodicTimer_PeriodChanged_UsesNewPeriodFromNow(Driving driving)
    {
        var stamps = await Drive.RunAsync(driving, TimeSpan.FromSeconds(10), async clock =>
        {
            var seen = new List<TimeSpan>();
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
            while (seen.Count < 4 && await timer.WaitForNextTickAsync())
            {
                seen.Add(clock.Elapsed);
                timer.Period = TimeSpan.FromSeconds(2);
            }

            return seen;
        });

        Assert.Equal([1, 3, 5, 7], stamps.Select(s => s.TotalSeconds));
    }

    [Theory]
    [InlineData(Driving.Manual)]
    [InlineData(Driving.Automatic)]
    public async Task WaitAsync_TimeoutFirst_ThrowsTimeoutAtExactTime(Driving driving)
    {
        var (stamp, timedOut) = await Drive.RunAsync(driving, TimeSpan.FromSeconds(10), async clock =>
        {
            var never = new TaskCompletionSource();
            try
            {
                await never.Task.WaitAsync(TimeSpan.FromSeconds(3), clock);
                return (clock.Elapsed, false);
            }
            catch (TimeoutException)
            {
                return (clock.Elapsed, true);
            }
        });

        Assert.True(timedOut);
        Assert.Equal(TimeSpan.FromSeconds(3), stamp);
    }

    [Theory]
    [InlineData(Driving.Manual)]
    [InlineData(Driving.Automatic)]
    public async Task WaitAsync_TaskFirst_ReturnsItsResultAtItsTime(Driving driving)
    {
        var (stamp, value) = await Drive.RunAsync(driving, TimeSpan.FromSeconds(10), async clock =>
        {
            var value = await Later(clock).WaitAsync(TimeSpan.FromSeconds(3), clock);
            return (clock.Elapsed, value);
        });

        Assert.Equal(42, value);
        Assert.Equal(TimeSpan.FromSeconds(2), stamp);

        static async Task<int> Later(VirtualClock clock)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), clock);
            return 42;
        }
    }

    [Theory]
    [InlineData(Driving.Manual)]
    [InlineData(Driving.Automatic)]
    public async Task CancellationTokenSource_WithDelay_CancelsAtExactTime(Driving driving)
    {
        var stamp = await Drive.RunAsync(driving, TimeSpan.FromSeconds(10), async clock =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(2500), clock);
            var canceledAt = new TaskCompletionSource<TimeSpan>();
            using var registration = cts.Token.Register(() => canceledAt.SetResult(clock.Elapsed));
            return await canceledAt.Task;
        });

        Assert.Equal(TimeSpan.FromMilliseconds(2500), stamp);
    }

    [Theory]
    [InlineData(Driving.Manual)]
    [InlineData(Driving.Automatic)]
    public async Task CancellationTokenSource_CancelAfter_RescheduledCancelsAtLastTime(Driving driving)
    {
        var stamp = await Drive.RunAsync(driving, TimeSpan.FromSeconds(10), async clock =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1), clock);
            cts.CancelAfter(TimeSpan.FromSeconds(4));
            await Task.Delay(TimeSpan.FromSeconds(2), clock);
            Assert.False(cts.IsCancellationRequested);
            var canceledAt = new TaskCompletionSource<TimeSpan>();
            using var registration = cts.Token.Register(() => canceledAt.SetResult(clock.Elapsed));
            return await canceledAt.Task;
        });

        Assert.Equal(TimeSpan.FromSeconds(4), stamp);
    }

    [Theory]
    [InlineData(Driving.Manual)]
    [InlineData(Driving.Automatic)]
    public async Task GetElapsedTime_AcrossDelays_MeasuresVirtualTime(Driving driving)
    {
        var (elapsed, now) = await Drive.RunAsync(driving, TimeSpan.FromMinutes(10), async clock =>
        {
            var started = clock.GetTimestamp();
            await Task.Delay(TimeSpan.FromMinutes(3), clock);
            await Task.Delay(TimeSpan.FromMilliseconds(7), clock);
            return (clock.GetElapsedTime(started), clock.GetUtcNow());
        });

        Assert.Equal(TimeSpan.FromMinutes(3) + TimeSpan.FromMilliseconds(7), elapsed);
        Assert.Equal(VirtualClock.DefaultStart + TimeSpan.FromMinutes(3) + TimeSpan.FromMilliseconds(7), now);
    }

    [Fact]
    public async Task HourOfPolls_ManualWithoutContext_HasExactTimestamps()
    {
        // Off xunit's context on purpose: there every woken continuation costs a real thread hop (about 1 ms on a
        // busy machine), which 3,600 ticks turn into seconds. The context itself is covered by the shorter tests.
        var stamps = await Task.Run(async () =>
        {
            var clock = new VirtualClock();
            var polls = PollForAnHour(clock);
            await clock.AdvanceAsync(TimeSpan.FromHours(1));
            Assert.True(polls.IsCompletedSuccessfully);
            return await polls;
        });

        Assert.Equal(Enumerable.Range(1, 3600).Select(s => TimeSpan.FromSeconds(s)), stamps);
    }

    [Fact]
    public async Task HourOfPolls_Automatic_HasExactTimestamps()
    {
        var stamps = await VirtualTime.RunAsync(PollForAnHour);

        Assert.Equal(Enumerable.Range(1, 3600).Select(s => TimeSpan.FromSeconds(s)), stamps);
    }

    private static async Task<List<TimeSpan>> PollForAnHour(VirtualClock clock)
    {
        var seen = new List<TimeSpan>(3600);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        while (seen.Count < 3600 && await timer.WaitForNextTickAsync())
        {
            seen.Add(clock.Elapsed);
        }

        return seen;
    }
}
