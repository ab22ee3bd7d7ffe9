namespace AsyncEnumTesting.Tests.Time;

public sealed partial class VirtualClockTests
{
    private static readonly DateTimeOffset Noon = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_NoArguments_StartsAtDefaultStartInUtc()
    {
        var clock = new VirtualClock();

        Assert.Equal(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), VirtualClock.DefaultStart);
        Assert.Equal(VirtualClock.DefaultStart, clock.Start);
        Assert.Equal(VirtualClock.DefaultStart, clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
        Assert.Same(TimeZoneInfo.Utc, clock.LocalTimeZone);
    }

    [Fact]
    public void Constructor_StartWithOffset_StoresItInUtc()
    {
        var start = new DateTimeOffset(2024, 3, 1, 14, 0, 0, TimeSpan.FromHours(2));

        var clock = new VirtualClock(start);

        Assert.Equal(TimeSpan.Zero, clock.Start.Offset);
        Assert.Equal(Noon, clock.Start);
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
    }

    [Fact]
    public void LocalTimeZone_Given_ConvertsLocalNow()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test+3", TimeSpan.FromHours(3), "Test+3", "Test+3");

        var clock = new VirtualClock(Noon, zone);

        Assert.Same(zone, clock.LocalTimeZone);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 15, 0, 0, TimeSpan.FromHours(3)), clock.GetLocalNow());
    }

    [Fact]
    public async Task GetUtcNow_AfterAdvance_MovesByTheSpan()
    {
        var clock = new VirtualClock(Noon);

        await clock.AdvanceAsync(TimeSpan.FromMinutes(90));

        Assert.Equal(Noon.AddMinutes(90), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromMinutes(90), clock.Elapsed);
    }

    [Fact]
    public void TimestampFrequency_Always_IsTicksPerSecond()
    {
        Assert.Equal(TimeSpan.TicksPerSecond, new VirtualClock().TimestampFrequency);
    }

    [Fact]
    public async Task GetElapsedTime_BetweenTimestamps_IsExactVirtualSpan()
    {
        var clock = new VirtualClock();
        var before = clock.GetTimestamp();

        await clock.AdvanceAsync(TimeSpan.FromMilliseconds(1234.5));

        Assert.Equal(0, before);
        Assert.Equal(TimeSpan.FromMilliseconds(1234.5), clock.GetElapsedTime(before));
        Assert.Equal(TimeSpan.FromMilliseconds(1234.5), clock.GetElapsedTime(before, clock.GetTimestamp()));
    }

    [Fact]
    public void PendingTimerCountAndNextDueTime_TimersCreatedAndDisposed_FollowTheQueue()
    {
        var clock = new VirtualClock();
        Assert.Equal(0, clock.PendingTimerCount);
        Assert.Null(clock.NextDueTime);

        using var late = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        var early = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        using var never = clock.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        Assert.Equal(2, clock.PendingTimerCount);
        Assert.Equal(VirtualClock.DefaultStart.AddSeconds(2), clock.NextDueTime);

        early.Dispose();

        Assert.Equal(1, clock.PendingTimerCount);
        Assert.Equal(VirtualClock.DefaultStart.AddSeconds(5), clock.NextDueTime);
    }

    [Fact]
    public async Task TimerFirings_PeriodicTimer_CountsEveryCallback()
    {
        var clock = new VirtualClock();
        using var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        await clock.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(10, clock.TimerFirings);
    }

    [Fact]
    public void RealTimeGrace_Default_IsOneSecond()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), new VirtualClock().RealTimeGrace);
    }

    [Fact]
    public void RealTimeGrace_Positive_IsStored()
    {
        var clock = new VirtualClock { RealTimeGrace = TimeSpan.FromMilliseconds(5) };

        Assert.Equal(TimeSpan.FromMilliseconds(5), clock.RealTimeGrace);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void RealTimeGrace_NotPositive_Throws(int milliseconds)
    {
        var clock = new VirtualClock();

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.RealTimeGrace = TimeSpan.FromMilliseconds(milliseconds));
    }

    [Fact]
    public async Task ToString_WithPendingTimer_NamesTimeInstantAndQueue()
    {
        var clock = new VirtualClock();
        using var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("VirtualClock at 00:05.000 (2000-01-01T00:00:05.000Z), 1 timer(s) pending", clock.ToString());
    }

    [Fact]
    public void CreateTimer_NullCallback_Throws()
    {
        var clock = new VirtualClock();

        Assert.Throws<ArgumentNullException>(() => clock.CreateTimer(null!, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void CreateTimer_NegativeDueTime_ThrowsNamingTheRule()
    {
        var clock = new VirtualClock();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(-2), Timeout.InfiniteTimeSpan));

        Assert.Equal("dueTime", ex.ParamName);
        Assert.Equal(
            "A timer's dueTime must be zero or more and at most 49.17:02:47.2940000 (4294967294 ms, as for TimeProvider.System), or " +
            "Timeout.InfiniteTimeSpan; it was -00:00:02. (Parameter 'dueTime')" +
            Environment.NewLine + "Actual value was -00:00:02.",
            ex.Message);
    }

    [Fact]
    public void CreateTimer_DueTimeBeyondWhatTimeProviderSystemAccepts_Throws()
    {
        var clock = new VirtualClock();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => clock.CreateTimer(_ => { }, null, TimeSpan.MaxValue, Timeout.InfiniteTimeSpan));

        Assert.Equal("dueTime", ex.ParamName);
        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public async Task AdvanceAsync_PastTheLastRepresentableInstant_ThrowsAndKeepsTheClock()
    {
        var clock = new VirtualClock();
        await clock.AdvanceAsync(TimeSpan.FromDays(1));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => { _ = clock.AdvanceAsync(TimeSpan.MaxValue); });

        Assert.StartsWith(
            "Cannot advance by 10675199.02:48:05.4775807: the virtual clock is at 1.00:00:00.000 (2000-01-02T00:00:00.000Z) and would pass " +
            "DateTimeOffset.MaxValue.",
            ex.Message,
            StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(1), clock.Elapsed);
        Assert.Equal(VirtualClock.DefaultStart.AddDays(1), clock.GetUtcNow());
    }

    [Fact]
    public async Task AdvanceAsync_FromOutsideARunThatDrivesTheClock_Throws()
    {
        var clock = new VirtualClock();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = VirtualTime.RunAsync(clock, async c => await release.Task);

        var ex = Assert.Throws<InvalidOperationException>(() => { _ = clock.AdvanceAsync(TimeSpan.FromHours(1)); });
        release.SetResult();
        await run;

        Assert.StartsWith("This VirtualClock is driven by VirtualTime.RunAsync, which moves it whenever the run is idle;", ex.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
    }

    [Fact]
    public void CreateTimer_NegativePeriod_Throws()
    {
        var clock = new VirtualClock();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => clock.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromSeconds(-2)));

        Assert.Equal("period", ex.ParamName);
    }
}
