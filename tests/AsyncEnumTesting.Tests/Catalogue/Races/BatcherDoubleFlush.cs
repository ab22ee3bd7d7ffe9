namespace AsyncEnumTesting.Tests.Catalogue.Races;

/// <summary>Race: a batcher that flushes on size and on a window emits an empty batch when both happen at the same instant.</summary>
public sealed class BatcherDoubleFlush
{
    /// <summary>Readings every 5 s, batches of 3 or every 10 s: every second reading coincides with the window. By default
    /// the window (its timer was made first) flushes first; a size flush followed by the window at one instant flushes twice.</summary>
    public static Func<VirtualClock, Task> Scenario(bool buggy) => async clock =>
    {
        var batches = new List<int[]>();
        await foreach (var batch in Batch(Readings(clock), size: 3, TimeSpan.FromSeconds(10), clock, buggy))
        {
            batches.Add(batch);
        }

        Assert.DoesNotContain(batches, b => b.Length == 0);
    };

    [Fact]
    public async Task Bug_DefaultOrder_Passes() => await VirtualTime.RunAsync(Scenario(buggy: true));

    [Fact]
    public async Task Bug_Explored_FailsNamingTheSeed()
    {
        var ex = await Assert.ThrowsAsync<ScheduleExplorationException>(() => VirtualTime.ExploreAsync(Scenario(buggy: true)));

        Assert.StartsWith("The body failed under schedule ", ex.Message, StringComparison.Ordinal);
        Assert.NotEmpty(ex.Reorderings);
    }

    [Fact]
    public async Task Twin_EverySchedule_Passes() => await VirtualTime.ExploreAsync(Scenario(buggy: false), new ExplorationOptions { Schedules = 50 });

    private static async IAsyncEnumerable<int> Readings(VirtualClock clock)
    {
        for (var i = 1; i <= 6; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), clock);
            yield return i;
        }
    }

    private static async IAsyncEnumerable<int[]> Batch(IAsyncEnumerable<int> source, int size, TimeSpan window, VirtualClock clock, bool buggy)
    {
        var batch = new List<int>();
        await using var items = source.GetAsyncEnumerator();
        var next = items.MoveNextAsync().AsTask();
        using var windowTimer = new PeriodicTimer(window, clock);
        var tick = windowTimer.WaitForNextTickAsync().AsTask();
        while (true)
        {
            if (await Task.WhenAny(next, tick) == tick)
            {
                // The bug: the window flushes whatever is there, also nothing (the size flush just emptied it).
                if (buggy || batch.Count > 0)
                {
                    yield return [.. batch];
                    batch.Clear();
                }

                tick = windowTimer.WaitForNextTickAsync().AsTask();
                continue;
            }

            if (!await next)
            {
                break;
            }

            batch.Add(items.Current);
            if (batch.Count == size)
            {
                yield return [.. batch];
                batch.Clear();
            }

            next = items.MoveNextAsync().AsTask();
        }

        if (batch.Count > 0)
        {
            yield return [.. batch];
        }
    }
}
