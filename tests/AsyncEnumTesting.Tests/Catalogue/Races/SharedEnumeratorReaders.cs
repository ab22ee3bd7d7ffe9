namespace AsyncEnumTesting.Tests.Catalogue.Races;

/// <summary>Race: two workers share one enumerator; when both wake at the same instant their MoveNextAsync calls overlap.</summary>
public sealed class SharedEnumeratorReaders
{
    /// <summary>Two workers take jobs from one probed enumerator; the probe throws at an overlapping MoveNextAsync.</summary>
    public static Func<VirtualClock, Task> Scenario(bool buggy) => async clock =>
    {
        var jobs = Jobs().Probe(new Timeline(clock), "jobs");
        await using var shared = jobs.GetAsyncEnumerator();
        using var turn = new SemaphoreSlim(1, 1);
        await Task.WhenAll(WorkerAsync(shared, turn, clock, buggy), WorkerAsync(shared, turn, clock, buggy));
        Assert.Empty(jobs.Violations);
    };

    [Fact]
    public async Task Bug_DefaultOrder_Passes() => await VirtualTime.RunAsync(Scenario(buggy: true));

    [Fact]
    public async Task Bug_Explored_FailsAtTheOverlap()
    {
        var ex = await Assert.ThrowsAsync<ScheduleExplorationException>(() => VirtualTime.ExploreAsync(Scenario(buggy: true)));

        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Contains("MoveNextAsync was called on enumeration #1 of probe \"jobs\" while its previous MoveNextAsync", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twin_EverySchedule_Passes() => await VirtualTime.ExploreAsync(Scenario(buggy: false), new ExplorationOptions { Schedules = 50 });

    private static async IAsyncEnumerable<int> Jobs()
    {
        for (var i = 0; i < 4; i++)
        {
            await Task.Yield(); // fetching the next job
            yield return i;
        }
    }

    private static async Task WorkerAsync(IAsyncEnumerator<int> shared, SemaphoreSlim turn, VirtualClock clock, bool buggy)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), clock);
        while (true)
        {
            // The twin takes turns on the enumerator; the bug calls it whenever the worker is free.
            if (!buggy)
            {
                await turn.WaitAsync();
            }

            bool more;
            try
            {
                more = await shared.MoveNextAsync();
            }
            finally
            {
                if (!buggy)
                {
                    turn.Release();
                }
            }

            if (!more)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), clock); // the job's work
        }
    }
}
