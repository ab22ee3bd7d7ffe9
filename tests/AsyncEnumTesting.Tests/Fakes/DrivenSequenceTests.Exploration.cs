namespace AsyncEnumTesting.Tests.Fakes;

/// <summary>Schedule exploration of a driven fake's demand: which waiting enumeration gets an emitted item.</summary>
public sealed partial class DrivenSequenceTests
{
    [Fact]
    public async Task Emit_TwoWorkersWaitingUnderExploration_FindsTheCheckThatAssumesTheFirstWorkerWins()
    {
        var ex = await Assert.ThrowsAsync<ScheduleExplorationException>(() => VirtualTime.ExploreAsync(
            clock => WorkersAsync(clock, assumeFirstWorkerWins: true), new ExplorationOptions { Schedules = 20 }));

        Assert.Equal(
            """
            The body failed under schedule 2 of 20 (seed 2); the default order and 1 other schedule(s) passed.
            Replay it: VirtualTime.RunAsync(body, new VirtualTimeOptions { ScheduleSeed = 2 }), or ScheduleSeed = 2 on the test's attribute.
            What ran in an unusual order (1 reordering(s) against the default order):
              00:00.000  driven sequence "jobs" #2 got the emitted item before driven sequence "jobs" #1 (2 enumerations waiting)
            The failure: EqualException: Assert.Equal() Failure: Values differ
            Expected: Tuple ("job 1", null)
            Actual:   Tuple (null, "job 1")
            """.ReplaceLineEndings("\n"),
            ex.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Emit_TwoWorkersWaitingUnderExploration_TheOrderFreeCheckPassesEverySchedule()
    {
        var covered = await VirtualTime.ExploreAsync(
            clock => WorkersAsync(clock, assumeFirstWorkerWins: false), new ExplorationOptions { Schedules = 20 });

        Assert.True(covered.DistinctSchedules > 1, covered.ToString());
    }

    [Fact]
    public async Task Emit_TwoWorkersWaitingInAPlainRun_LongestWaitingGetsTheItem()
    {
        var first = await VirtualTime.RunAsync(async clock =>
        {
            var jobs = FakeSequence.Driven<string>(clock, "jobs");
            var one = jobs.GetAsyncEnumerator();
            var two = jobs.GetAsyncEnumerator();
            var a = one.MoveNextAsync();
            var b = two.MoveNextAsync();
            jobs.Emit("x");
            jobs.Complete();
            await a;
            await b;
            return one.Current;
        });

        Assert.Equal("x", first);
    }

    /// <summary>Two workers wait on one queue of jobs; the test emits one job.</summary>
    private static async Task WorkersAsync(VirtualClock clock, bool assumeFirstWorkerWins)
    {
        var jobs = FakeSequence.Driven<string>(clock, "jobs");
        var first = jobs.GetAsyncEnumerator();
        var second = jobs.GetAsyncEnumerator();
        var firstGot = first.MoveNextAsync();
        var secondGot = second.MoveNextAsync();
        await jobs.WhenDemandAsync(2);

        jobs.Emit("job 1");
        jobs.Complete();
        var got = (await firstGot ? first.Current : null, await secondGot ? second.Current : null);
        await first.DisposeAsync();
        await second.DisposeAsync();

        if (assumeFirstWorkerWins)
        {
            Assert.Equal(("job 1", null), got);
        }
        else
        {
            Assert.Equal("job 1", got.Item1 ?? got.Item2);
        }
    }
}
