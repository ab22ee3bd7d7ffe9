namespace AsyncEnumTesting.Tests.Time;

/// <content>Timer owners: the timers a flow created while it had an owner, told apart from the rest.</content>
public sealed partial class VirtualClockTests
{
    [Fact]
    public async Task PendingTimerCountOf_TimersFromInsideAndOutsideTheOwnersScope_CountsOnlyTheOwnersStillPending()
    {
        var clock = new VirtualClock();
        var owner = new object();
        using var before = clock.CreateTimer(static _ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        ITimer disposed, fires, kept;
        Task started;
        using (VirtualClock.BeginTimerOwner(owner))
        {
            kept = clock.CreateTimer(static _ => { }, null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
            fires = clock.CreateTimer(static _ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
            disposed = clock.CreateTimer(static _ => { }, null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);

            // Work started inside the scope carries the owner with its execution context.
            started = Task.Run(() => clock.CreateTimer(static _ => { }, null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan));
        }

        await started;
        using var after = clock.CreateTimer(static _ => { }, null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        disposed.Dispose();
        await clock.AdvanceAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(2, clock.PendingTimerCountOf(owner));
        Assert.Equal(0, clock.PendingTimerCountOf(new object()));
        Assert.Equal(3, clock.PendingTimerCount);
        kept.Dispose();
        fires.Dispose();
    }

    [Fact]
    public void BeginTimerOwner_Nested_RestoresTheOuterOwnerWhenDisposed()
    {
        var clock = new VirtualClock();
        var outer = new object();
        using (VirtualClock.BeginTimerOwner(outer))
        {
            using (VirtualClock.BeginTimerOwner(new object()))
            {
            }

            clock.CreateTimer(static _ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        }

        Assert.Equal(1, clock.PendingTimerCountOf(outer));
    }

    [Fact]
    public void BeginTimerOwner_NullOwner_Throws()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => VirtualClock.BeginTimerOwner(null!));

        Assert.Equal("owner", ex.ParamName);
        Assert.Throws<ArgumentNullException>(() => new VirtualClock().PendingTimerCountOf(null!));
    }
}
