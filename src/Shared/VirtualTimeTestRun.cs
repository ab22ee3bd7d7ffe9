namespace AsyncEnumTesting.Integration;

/// <summary>Runs a virtual-time test's body as its attribute says: once (in the default order, or replaying one seeded
/// schedule), or explored under many seeded schedules.</summary>
/// <remarks>Compiled into each test-framework package (a linked source file); uses the core's public API only.</remarks>
internal static class VirtualTimeTestRun
{
    /// <summary>Runs <paramref name="body"/> and returns a line for the test's output, or <see langword="null"/> when there is
    /// nothing to say.</summary>
    /// <param name="limits">The attribute's settings, already checked.</param>
    /// <param name="clock">The clock of a single run. An exploration gives each schedule a new clock instead; its failure
    /// message carries the failing schedule's timelines.</param>
    /// <param name="body">The test body on the clock it is given.</param>
    /// <returns>What an exploration covered, or what a replay replayed.</returns>
    /// <exception cref="ScheduleExplorationException">A schedule failed: its seed, a replay line and the reorderings.</exception>
    public static async Task<string?> RunAsync(VirtualTimeLimits limits, VirtualClock clock, Func<VirtualClock, Task> body)
    {
        var options = limits.ToOptions(out _);
        if (limits.Schedules > 0)
        {
            var explored = await VirtualTime.ExploreAsync(body, new ExplorationOptions { Schedules = limits.Schedules, Run = options }).ConfigureAwait(false);
            return $"Schedule exploration: {explored}.";
        }

        await VirtualTime.RunAsync(clock, body, options).ConfigureAwait(false);
        return limits.ScheduleSeed is { } seed ? $"Replayed schedule {seed}." : null;
    }
}
