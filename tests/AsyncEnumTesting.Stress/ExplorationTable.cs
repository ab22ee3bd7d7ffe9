using AsyncEnumTesting.Tests.Catalogue.Races;

namespace AsyncEnumTesting.Stress;

/// <summary>For each race twin: how many schedules exploration needs to find the bug, over 20 different seed ranges.</summary>
internal static class ExplorationTable
{
    private const int SeedRanges = 20;

    private static readonly (string Name, Func<bool, Func<VirtualClock, Task>> Scenario)[] Twins =
    [
        ("check-then-act cache across an await", CheckThenActCache.Scenario),
        ("batcher flushing twice when size and window coincide", BatcherDoubleFlush.Scenario),
        ("merge into a bounded buffer checked before an await", BoundedBufferMerge.Scenario),
        ("two readers racing on one enumerator", SharedEnumeratorReaders.Scenario),
        ("producer whose cancellation races its completion", CancellationRacesCompletion.Scenario),
    ];

    public static async Task<int> RunAsync()
    {
        Console.WriteLine("| race twin | default order | schedules to first failure (median of 20 seed ranges) | worst | shrunk reorderings | correct twin, 200 schedules |");
        Console.WriteLine("|---|---|---:|---:|---:|---|");
        var bad = 0;
        foreach (var (name, scenario) in Twins)
        {
            var defaultPasses = await Passes(() => VirtualTime.RunAsync(scenario(true)));
            var found = new List<int>();
            var shrunk = new List<int>();
            for (var range = 0; range < SeedRanges; range++)
            {
                try
                {
                    await VirtualTime.ExploreAsync(scenario(true), new ExplorationOptions { Schedules = 500, FirstSeed = 1 + (range * 1000) });
                    found.Add(int.MaxValue);
                }
                catch (ScheduleExplorationException ex) when (ex.Seed is { } seed)
                {
                    found.Add(seed - (range * 1000));
                    shrunk.Add(ex.Reorderings.Count);
                }
            }

            found.Sort();
            var twin = await Passes(() => VirtualTime.ExploreAsync(scenario(false), new ExplorationOptions { Schedules = 200 }));
            bad += defaultPasses && twin && found[^1] != int.MaxValue ? 0 : 1;
            var worst = found[^1] == int.MaxValue ? "not found in 500" : found[^1].ToString(System.Globalization.CultureInfo.InvariantCulture);
            Console.WriteLine($"| {name} | {(defaultPasses ? "passes" : "FAILS")} | {found[SeedRanges / 2]} | {worst} | {(shrunk.Count == 0 ? "-" : $"{shrunk.Min()} to {shrunk.Max()}")} | {(twin ? "all pass" : "FAILS")} |");
        }

        return bad == 0 ? 0 : 1;
    }

    private static async Task<bool> Passes(Func<Task> run)
    {
        try
        {
            await run();
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }
}
