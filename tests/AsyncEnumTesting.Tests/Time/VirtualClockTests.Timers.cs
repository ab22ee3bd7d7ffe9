namespace AsyncEnumTesting.Tests.Time;

public sealed partial class VirtualClockTests
{
    [Fact]
    public async Task CreateTimer_SameInstant_FiresInCreationOrder()
    {
        var clock = new VirtualClock();
        var fired = new List<string>();
        using var a = clock.CreateTimer(_ => fired.Add("a"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var b = clock.CreateTimer(_ => fired.Add("b"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var c = clock.CreateTimer(_ => fired.Add("c"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(["a", "b", "c"], fired);
    }

    [Fact]
    public async Task Change_ToSameInstantAsLaterTimer_KeepsCreationOrder()
    {
        var clock = new VirtualClock();
        var fired = new List<string>();
        using var a = clock.CreateTimer(_ => fired.Add("a"), null, TimeSpan.FromSeconds(9), Timeout.InfiniteTimeSpan);
        using var b = clock.CreateTimer(_ => fired.Add("b"), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var c = clock.CreateTimer(_ => fired.Add("c"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        Assert.True(c.Change(TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan));
        Assert.True(a.Change(TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan));
        await clock.AdvanceAsync(TimeSpan.FromSeconds(3));

        Assert.Equal(["a", "b", "c"], fired);
    }

    [Fact]
    public async Task CreateTimer_DifferentDueTimes_FireInDueOrderAtExactTimes()
    {
        var clock = new VirtualClock();
        var fired = new List<(string, TimeSpan)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.Elapsed)), null, TimeSpan.FromMilliseconds(300), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.Elapsed)), null, TimeSpan.FromMilliseconds(100), Timeout.InfiniteTimeSpan);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal([("early", TimeSpan.FromMilliseconds(100)), ("late", TimeSpan.FromMilliseconds(300))], fired);
        Assert.Equal(TimeSpan.FromSeconds(1), clock.Elapsed);
    }

    [Fact]
    public async Task CreateTimer_Periodic_TicksWithoutDrift()
    {
        var clock = new VirtualClock();
        var ticks = new List<TimeSpan>();
        using var timer = clock.CreateTimer(_ => ticks.Add(clock.Elapsed), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(100));

        await clock.AdvanceAsync(TimeSpan.FromMilliseconds(105));
        await clock.AdvanceAsync(TimeSpan.FromMilliseconds(500));

        Assert.Equal([250, 350, 450, 550], ticks.Select(t => t.TotalMilliseconds));
        Assert.Equal(VirtualClock.DefaultStart.AddMilliseconds(650), clock.NextDueTime);
    }

    [Fact]
    public async Task CreateTimer_ZeroDueTime_FiresOnNextAdvanceWithoutMovingTime()
    {
        var clock = new VirtualClock();
        var fired = TimeSpan.MinValue;
        using var timer = clock.CreateTimer(_ => fired = clock.Elapsed, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        await clock.AdvanceAsync(TimeSpan.Zero);

        Assert.Equal(TimeSpan.Zero, fired);
        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public async Task Change_ToInfinite_StopsTimer()
    {
        var clock = new VirtualClock();
        var count = 0;
        using var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        await clock.AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.True(timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        await clock.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, count);
        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public async Task Change_AfterDispose_ReturnsFalseAndNeverFires()
    {
        var clock = new VirtualClock();
        var count = 0;
        var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        await timer.DisposeAsync();
        var changed = timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        await clock.AdvanceAsync(TimeSpan.FromSeconds(5));

        Assert.False(changed);
        Assert.Equal(0, count);
    }

    [Fact]
    public void Change_NegativeDueTime_Throws()
    {
        var clock = new VirtualClock();
        using var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        Assert.Throws<ArgumentOutOfRangeException>(() => timer.Change(TimeSpan.FromSeconds(-1), Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public async Task Change_DuringOwnCallback_ReschedulesFromNow()
    {
        var clock = new VirtualClock();
        var ticks = new List<TimeSpan>();
        ITimer? timer = null;
        timer = clock.CreateTimer(
            _ =>
            {
                ticks.Add(clock.Elapsed);
                timer!.Change(TimeSpan.FromSeconds(ticks.Count), Timeout.InfiniteTimeSpan);
            },
            null,
            TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(10));
        timer.Dispose();

        Assert.Equal([1, 2, 4, 7], ticks.Select(t => t.TotalSeconds));
    }

    [Fact]
    public async Task Dispose_DuringOwnPeriodicCallback_StopsTicks()
    {
        var clock = new VirtualClock();
        var count = 0;
        ITimer? timer = null;
        timer = clock.CreateTimer(
            _ =>
            {
                if (++count == 3)
                {
                    timer!.Dispose();
                }
            },
            null,
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(1));

        await clock.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, count);
        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public async Task Dispose_OtherTimerDueAtSameInstantDuringCallback_SkipsIt()
    {
        var clock = new VirtualClock();
        var fired = new List<string>();
        ITimer? second = null;
        using var first = clock.CreateTimer(
            _ =>
            {
                fired.Add("first");
                second!.Dispose();
            },
            null,
            TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan);
        second = clock.CreateTimer(_ => fired.Add("second"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(["first"], fired);
    }

    [Fact]
    public async Task CreateTimer_DuringCallbackDueInsideSpan_FiresInSameAdvance()
    {
        var clock = new VirtualClock();
        var fired = new List<TimeSpan>();
        var timers = new List<ITimer>();
        timers.Add(clock.CreateTimer(
            _ =>
            {
                fired.Add(clock.Elapsed);
                timers.Add(clock.CreateTimer(_ => fired.Add(clock.Elapsed), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan));
            },
            null,
            TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan));

        await clock.AdvanceAsync(TimeSpan.FromSeconds(3));

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)], fired);
        timers.ForEach(t => t.Dispose());
    }

    [Fact]
    public async Task CreateTimer_Callback_RunsInCreatorsExecutionContext()
    {
        var clock = new VirtualClock();
        var local = new AsyncLocal<string>();
        string? seen = null;
        local.Value = "creator";
        using var timer = clock.CreateTimer(_ => seen = local.Value, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        local.Value = "advancer";

        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal("creator", seen);
    }

    [Fact]
    public async Task CreateTimer_FlowSuppressed_RunsCallbackInAdvancersContext()
    {
        var clock = new VirtualClock();
        var local = new AsyncLocal<string>();
        string? seen = "unset";
        ITimer timer;
        local.Value = "creator";
        using (ExecutionContext.SuppressFlow())
        {
            timer = clock.CreateTimer(_ => seen = local.Value, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        }

        local.Value = "advancer";
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        timer.Dispose();

        Assert.Equal("advancer", seen);
    }

    [Fact]
    public async Task CreateTimer_CallbackState_IsPassedThrough()
    {
        var clock = new VirtualClock();
        object? seen = null;
        var state = new object();
        using var timer = clock.CreateTimer(s => seen = s, state, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Same(state, seen);
    }

    [Fact]
    public async Task AdvanceAsync_CallbackThrows_FailsTheAdvance()
    {
        var clock = new VirtualClock();
        using var timer = clock.CreateTimer(_ => throw new InvalidOperationException("callback failed"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => clock.AdvanceAsync(TimeSpan.FromSeconds(2)));

        Assert.Equal("callback failed", ex.Message);
        Assert.Equal(TimeSpan.FromSeconds(1), clock.Elapsed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task CreateTimer_ManyChangedAndDisposedTimers_FireInDueThenCreationOrder(int seed) =>
        await AssertShuffledTimersFireInOrderAsync(new VirtualClock(), new Random(seed), timers: 300, changes: 200, instants: 7, disposeOneIn: 4);

    /// <summary>Creates <paramref name="timers"/> timers due at one of <paramref name="instants"/> ticks, changes or disposes
    /// some at random, advances past them all, and checks that they fired in (due tick, creation order).</summary>
    private static async Task AssertShuffledTimersFireInOrderAsync(VirtualClock clock, Random random, int timers, int changes, int instants, int disposeOneIn)
    {
        var fired = new List<int>();
        var created = new List<ITimer>();
        var due = new Dictionary<int, long>();
        for (var i = 0; i < timers; i++)
        {
            var id = i;
            var ticks = random.Next(1, instants + 1) * 10L;
            created.Add(clock.CreateTimer(_ => fired.Add(id), null, TimeSpan.FromTicks(ticks), Timeout.InfiniteTimeSpan));
            due[id] = ticks;
        }

        for (var i = 0; i < changes; i++)
        {
            var id = random.Next(created.Count);
            if (random.Next(disposeOneIn) == 0)
            {
                created[id].Dispose();
                due.Remove(id);
            }
            else if (due.ContainsKey(id))
            {
                var ticks = random.Next(1, instants + 1) * 10L;
                created[id].Change(TimeSpan.FromTicks(ticks), Timeout.InfiniteTimeSpan);
                due[id] = ticks;
            }
        }

        await clock.AdvanceAsync(TimeSpan.FromTicks(100));

        Assert.Equal(due.OrderBy(d => d.Value).ThenBy(d => d.Key).Select(d => d.Key), fired);
        Assert.Equal(0, clock.PendingTimerCount);
    }
}

