namespace AsyncEnumTesting.Tests.Time;

/// <content>Schedule exploration of a body that fails before any schedule.</content>
public sealed partial class VirtualTimeTests
{
    [Fact]
    public async Task ExploreAsync_BodyFailsInTheDefaultOrder_FailsSayingItIsNoScheduleFinding()
    {
        var failure = new InvalidOperationException("no quote arrived");
        var runs = 0;

        var ex = await Assert.ThrowsAsync<ScheduleExplorationException>(() => VirtualTime.ExploreAsync(
            async clock =>
            {
                runs++;
                new Timeline(clock).Mark("quote requested");
                await Task.Delay(TimeSpan.FromSeconds(1), clock);
                throw failure;
            },
            new ExplorationOptions { Schedules = 20 }));

        Assert.Equal(
            """
            The body failed in the default order, before any schedule was explored, so this is not a schedule finding: VirtualTime.RunAsync(body) reproduces it, as does the test without Schedules on its attribute.
            The failure: InvalidOperationException: no quote arrived
            Timeline (virtual time):
              00:00.000  mark "quote requested"
            """.ReplaceLineEndings(),
            ex.Message);
        Assert.Same(failure, ex.InnerException);
        Assert.Null(ex.Seed);
        Assert.Empty(ex.Reorderings);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task ExploreAsync_BodyRunsPoolWork_SummarySaysItsOrderIsNotExplored()
    {
        var result = await VirtualTime.ExploreAsync(
            async clock =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock);
                await Task.Run(() => { }).ConfigureAwait(false);
            },
            new ExplorationOptions { Schedules = 4 });

        Assert.Equal(
            "5 schedules passed, 1 distinct (up to 0 order decision(s) each); the body also ran work on the thread pool, whose order is not explored",
            result.ToString());
    }

    [Fact]
    public async Task ExploreAsync_BodyStaysOnTheRun_SummarySaysNothingOfThePool()
    {
        var result = await VirtualTime.ExploreAsync(
            clock => Task.Delay(TimeSpan.FromSeconds(1), clock),
            new ExplorationOptions { Schedules = 4 });

        Assert.Equal("5 schedules passed, 1 distinct (up to 0 order decision(s) each)", result.ToString());
    }
}
