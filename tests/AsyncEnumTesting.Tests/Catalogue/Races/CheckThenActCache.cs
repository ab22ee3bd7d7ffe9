namespace AsyncEnumTesting.Tests.Catalogue.Races;

/// <summary>Race: a cache checked, then filled across an <c>await</c>; two callers at the same instant both load.</summary>
public sealed class CheckThenActCache
{
    /// <summary>The body every schedule runs: two callers wake at the same instant and ask for the same key.</summary>
    public static Func<VirtualClock, Task> Scenario(bool buggy) => async clock =>
    {
        ICache cache = buggy ? new BuggyCache() : new SingleFlightCache();
        await Task.WhenAll(CallerAsync(cache, clock), CallerAsync(cache, clock));
        Assert.Equal(1, cache.Loads);
    };

    [Fact]
    public async Task Bug_DefaultOrder_Passes() => await VirtualTime.RunAsync(Scenario(buggy: true));

    [Fact]
    public async Task Bug_Explored_FailsWithTheSeedAndTheReordering()
    {
        var ex = await Assert.ThrowsAsync<ScheduleExplorationException>(() => VirtualTime.ExploreAsync(Scenario(buggy: true)));

        Assert.Equal(
            "The body failed under schedule 3 of 100 (seed 3); the default order and 2 other schedule(s) passed." + Environment.NewLine +
            "Replay it: VirtualTime.RunAsync(body, new VirtualTimeOptions { ScheduleSeed = 3 }), or ScheduleSeed = 3 on the test's attribute." + Environment.NewLine +
            "What ran in an unusual order (1 reordering(s) against the default order, shrunk from 3):" + Environment.NewLine +
            "  00:01.000  timer #2 of CheckThenActCache.CallerAsync, due at the same instant, fired before the continuation of CheckThenActCache.CallerAsync ran" + Environment.NewLine +
            "The failure: EqualException: Assert.Equal() Failure: Values differ" + Environment.NewLine +
            "Expected: 1" + Environment.NewLine +
            "Actual:   2",
            ex.Message);
        Assert.Equal(3, ex.Seed);
    }

    [Fact]
    public async Task Bug_ReplayedSeed_FailsTheSameWayEveryTime()
    {
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<Xunit.Sdk.EqualException>(() => VirtualTime.RunAsync(Scenario(buggy: true), new VirtualTimeOptions { ScheduleSeed = 3 }));
        }
    }

    [Fact]
    public async Task Twin_EverySchedule_Passes()
    {
        var covered = await VirtualTime.ExploreAsync(Scenario(buggy: false), new ExplorationOptions { Schedules = 50 });

        Assert.True(covered.DistinctSchedules > 1, covered.ToString());
    }

    private static async Task CallerAsync(ICache cache, VirtualClock clock)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), clock);
        await cache.GetAsync(7);
    }

    private interface ICache
    {
        int Loads { get; }

        Task<string> GetAsync(int key);
    }

    /// <summary>The bug: between the miss and the store there is an await, and another caller misses too.</summary>
    private sealed class BuggyCache : ICache
    {
        private readonly Dictionary<int, string> _values = [];

        public int Loads { get; private set; }

        public async Task<string> GetAsync(int key)
        {
            if (_values.TryGetValue(key, out var value))
            {
                return value;
            }

            value = await LoadAsync(key);
            _values[key] = value;
            return value;
        }

        private async Task<string> LoadAsync(int key)
        {
            Loads++;
            await Task.Yield(); // the database round trip
            return $"order {key}";
        }
    }

    /// <summary>The twin: the pending load is stored before the first await, so every caller shares it.</summary>
    private sealed class SingleFlightCache : ICache
    {
        private readonly Dictionary<int, Task<string>> _loads = [];

        public int Loads { get; private set; }

        public Task<string> GetAsync(int key)
        {
            if (!_loads.TryGetValue(key, out var load))
            {
                load = LoadAsync(key);
                _loads[key] = load;
            }

            return load;
        }

        private async Task<string> LoadAsync(int key)
        {
            Loads++;
            await Task.Yield();
            return $"order {key}";
        }
    }
}
