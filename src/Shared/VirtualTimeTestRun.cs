using System.Globalization;

namespace AsyncEnumTesting.Integration;

/// <summary>Runs a virtual-time test's body as its attribute says: once (in the default order, or replaying one seeded
/// schedule), or explored under many seeded schedules.</summary>
/// <remarks>Compiled into each test-framework package (a linked source file); uses the core's public API only.</remarks>
internal static class VirtualTimeTestRun
{
    /// <summary>How many times a test runs at most when its runs end in a late start (see
    /// <see cref="VirtualTimeException.IsLateStart"/>).</summary>
    internal const int MaxRuns = 3;

    /// <summary>Runs <paramref name="body"/> and returns a line for the test's output, or <see langword="null"/> when there is
    /// nothing to say.</summary>
    /// <param name="limits">The attribute's settings, already checked.</param>
    /// <param name="clock">The clock of a single run. A run that ends in a late start (the machine held up work of the run,
    /// not the code's fault) is run again, twice at most, on a new clock. An exploration gives each schedule a new clock
    /// instead; its failure message carries the failing schedule's timelines.</param>
    /// <param name="body">The test body on the clock it is given.</param>
    /// <returns>What an exploration covered, what a replay replayed, or which runs ended in a late start.</returns>
    /// <exception cref="ScheduleExplorationException">A schedule failed: its seed, a replay line and the reorderings.</exception>
    public static async Task<string?> RunAsync(VirtualTimeLimits limits, TestClock clock, Func<VirtualClock, Task> body)
    {
        var options = limits.ToOptions(out _);
        clock.ReplayedSeed = limits.ScheduleSeed;
        if (limits.Schedules > 0)
        {
            var explored = await VirtualTime.ExploreAsync(body, new ExplorationOptions { Schedules = limits.Schedules, Run = options }).ConfigureAwait(false);
            return $"Schedule exploration: {explored}.";
        }

        var late = 0;
        while (true)
        {
            try
            {
                await VirtualTime.RunAsync(clock.Current, body, options).ConfigureAwait(false);
                break;
            }
            catch (VirtualTimeException ex) when (ex.IsLateStart && late + 1 < MaxRuns)
            {
                late++;
                clock.Renew();
            }
        }

        var replayed = clock.ReplayedSeed is { } seed ? $"Replayed schedule {seed}." : null;
        var rerun = late == 0
            ? null
            : $"Ran the test {late + 1} times: {late} run(s) ended in a late start (the machine held up work of the run on the thread pool " +
              "past a clock move, not the code's fault), so the test ran again on a new clock.";
        return Join(Join(replayed, rerun), LeftWaiting(clock.Current));
    }

    /// <summary>Says which timers the test left pending: work it started that ends with the test without running again.</summary>
    /// <remarks>
    /// A passing test that leaves a polling loop running says nothing otherwise (a user trial's leaked loop "ended silently"):
    /// the run ends when the body does, whatever still waits on the clock.
    /// </remarks>
    private static string? LeftWaiting(VirtualClock clock)
    {
        if (clock.PendingTimerCount == 0 || clock.NextDueTime is not { } due)
        {
            return null;
        }

        var at = due - clock.Start;
        var format = at.TotalDays >= 1 ? @"d\.hh\:mm\:ss\.fff" : at.TotalHours >= 1 ? @"h\:mm\:ss\.fff" : @"mm\:ss\.fff";
        return $"The test ended with {clock.PendingTimerCount} timer(s) still pending on its clock, the next due at " +
               $"{at.ToString(format, CultureInfo.InvariantCulture)}: work it started (a loop, a timeout) was never stopped or disposed, and " +
               "ends with the test without running again.";
    }

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : first + " " + second;
}
