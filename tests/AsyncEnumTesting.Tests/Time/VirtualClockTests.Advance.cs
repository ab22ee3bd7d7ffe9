using System.Text.RegularExpressions;

namespace AsyncEnumTesting.Tests.Time;

public sealed partial class VirtualClockTests
{
    [Fact]
    public async Task AdvanceAsync_NegativeSpan_ThrowsStatingCurrentTime()
    {
        var clock = new VirtualClock();
        await clock.AdvanceAsync(TimeSpan.FromSeconds(3));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => { _ = clock.AdvanceAsync(TimeSpan.FromSeconds(-1)); });

        Assert.Equal("span", ex.ParamName);
        Assert.Equal(
            "Cannot advance by a negative span (-00:00:01): time only moves forward. The virtual clock is at 00:03.000 " +
            "(2000-01-01T00:00:03.000Z). (Parameter 'span')" + Environment.NewLine + "Actual value was -00:00:01.",
            ex.Message);
    }

    [Fact]
    public async Task AdvanceToAsync_Past_ThrowsStatingCurrentTime()
    {
        var clock = new VirtualClock();
        await clock.AdvanceAsync(TimeSpan.FromSeconds(3));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => { _ = clock.AdvanceToAsync(VirtualClock.DefaultStart.AddSeconds(1)); });

        Assert.Equal("target", ex.ParamName);
        Assert.Equal(
            "Cannot go back in time: the virtual clock is at 00:03.000 (2000-01-01T00:00:03.000Z) and the target " +
            "2000-01-01T00:00:01.000Z is earlier. (Parameter 'target')" + Environment.NewLine +
            "Actual value was 01/01/2000 00:00:01 +00:00.",
            ex.Message);
    }

    [Fact]
    public async Task AdvanceToAsync_Future_FiresTimersOnTheWayAndStandsAtTarget()
    {
        var clock = new VirtualClock(Noon);
        var fired = DateTimeOffset.MinValue;
        using var timer = clock.CreateTimer(_ => fired = clock.GetUtcNow(), null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);

        await clock.AdvanceToAsync(Noon.AddHours(1));

        Assert.Equal(Noon.AddMinutes(5), fired);
        Assert.Equal(Noon.AddHours(1), clock.GetUtcNow());
    }

    [Fact]
    public async Task AdvanceToAsync_Now_FiresOnlyTimersAlreadyDue()
    {
        var clock = new VirtualClock(Noon);
        var fired = new List<string>();
        using var now = clock.CreateTimer(_ => fired.Add("now"), null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        using var later = clock.CreateTimer(_ => fired.Add("later"), null, TimeSpan.FromTicks(1), Timeout.InfiniteTimeSpan);

        await clock.AdvanceToAsync(Noon);

        Assert.Equal(["now"], fired);
        Assert.Equal(Noon, clock.GetUtcNow());
    }

    [Fact]
    public async Task AdvanceAsync_WhileAnotherAdvanceRuns_ThrowsInvalidOperation()
    {
        var clock = new VirtualClock();
        var release = new TaskCompletionSource();
        var secondFailure = new TaskCompletionSource<Exception>();
        using var timer = clock.CreateTimer(
            _ =>
            {
                try
                {
                    _ = clock.AdvanceAsync(TimeSpan.FromSeconds(1));
                }
                catch (InvalidOperationException ex)
                {
                    secondFailure.SetResult(ex);
                }
            },
            null,
            TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        var ex = await secondFailure.Task;

        Assert.Equal(
            "The virtual clock is already being advanced. Await the first AdvanceAsync call before advancing again, and do not " +
            "advance a clock that VirtualTime.RunAsync is driving from another thread.",
            ex.Message);
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(2), clock.Elapsed);
    }

    [Fact]
    public async Task AdvanceAsync_OnXunitContext_ReturnsAfterContinuationsRan()
    {
        Assert.NotNull(SynchronizationContext.Current);
        var clock = new VirtualClock();
        var log = new List<string>();
        var work = Producer(clock, log);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(["start", "tick 00:01.000"], log);
        await clock.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["start", "tick 00:01.000", "tick 00:02.000", "tick 00:03.000", "done 00:03.000"], log);
        Assert.True(work.IsCompletedSuccessfully);
        Assert.Equal(TimeSpan.FromSeconds(11), clock.Elapsed);
    }

    [Fact]
    public async Task AdvanceAsync_NoSynchronizationContext_ReturnsAfterContinuationsRan()
    {
        await Task.Run(async () =>
        {
            Assert.Null(SynchronizationContext.Current);
            var clock = new VirtualClock();
            var log = new List<string>();
            var work = Producer(clock, log);

            await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
            Assert.Equal(["start", "tick 00:01.000"], log);
            await clock.AdvanceAsync(TimeSpan.FromSeconds(10));

            Assert.Equal(["start", "tick 00:01.000", "tick 00:02.000", "tick 00:03.000", "done 00:03.000"], log);
            Assert.True(work.IsCompletedSuccessfully);
        });
    }

    [Fact]
    public async Task AdvanceAsync_ContinuationCreatesTimersInsideSpanOnXunitContext_FiresThemAll()
    {
        var clock = new VirtualClock();
        var stamps = new List<TimeSpan>();
        var work = Chain(clock, stamps, 50);

        await clock.AdvanceAsync(TimeSpan.FromSeconds(50));

        Assert.Equal(Enumerable.Range(1, 50).Select(s => TimeSpan.FromSeconds(s)), stamps);
        Assert.True(work.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task AdvanceAsync_ContinuationCreatesTimersInsideSpanWithoutContext_FiresThemAll()
    {
        await Task.Run(async () =>
        {
            var clock = new VirtualClock();
            var stamps = new List<TimeSpan>();
            var work = Chain(clock, stamps, 50);

            await clock.AdvanceAsync(TimeSpan.FromSeconds(50));

            Assert.Equal(Enumerable.Range(1, 50).Select(s => TimeSpan.FromSeconds(s)), stamps);
            Assert.True(work.IsCompletedSuccessfully);
        });
    }

    [Fact]
    public async Task AdvanceAsync_ContinuationBlocksBeyondGrace_FailsWithDiagnosis()
    {
        var clock = new VirtualClock { RealTimeGrace = TimeSpan.FromMilliseconds(100) };
        using var release = new ManualResetEventSlim();
        var work = Blocked(clock, release);

        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => clock.AdvanceAsync(TimeSpan.FromSeconds(1)));
        release.Set();
        await work;

        Assert.Equal(
            "AdvanceAsync waited <real> of real time for the work that timers woke to finish, and 1 continuation(s) are still " +
            "running. Virtual time reached 00:01.000 after 1 timer firing(s). A continuation blocks on something virtual time " +
            "cannot complete: Thread.Sleep, task.Wait() or .Result, a lock, or real I/O. Raise VirtualClock.RealTimeGrace only " +
            "if that work is slow but finite.",
            NormalizeRealTime(ex.Message));

        static async Task Blocked(VirtualClock clock, ManualResetEventSlim release)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            release.Wait(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Replaces every "x.xxx s" of real time with "&lt;real&gt;": the one part of a diagnosis that varies.</summary>
    internal static string NormalizeRealTime(string message) =>
        Regex.Replace(message, @"\d+\.\d{3} s\b", "<real>");

    private static async Task Producer(VirtualClock clock, List<string> log)
    {
        log.Add("start");
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            log.Add($"tick {clock.Elapsed:mm\\:ss\\.fff}");
        }

        log.Add($"done {clock.Elapsed:mm\\:ss\\.fff}");
    }

    private static async Task Chain(VirtualClock clock, List<TimeSpan> stamps, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Nested(clock);
            stamps.Add(clock.Elapsed);
        }

        static async Task Nested(VirtualClock clock) => await Task.Delay(TimeSpan.FromSeconds(1), clock);
    }
}
