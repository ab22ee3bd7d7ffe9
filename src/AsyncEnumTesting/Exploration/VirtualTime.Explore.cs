using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;

namespace AsyncEnumTesting;

/// <content>Schedule exploration: the same body under many seeded orders, with replay and shrinking.</content>
public static partial class VirtualTime
{
    private const int MaxShrinkRuns = 200;

    /// <summary>Runs <paramref name="body"/> in the default order and then under many seeded schedules, each on a new
    /// clock, and fails with the first schedule under which it fails.</summary>
    /// <param name="body">The test body; it receives each schedule's clock.</param>
    /// <param name="options">How many schedules, from which seed; <see cref="ExplorationOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>What the exploration covered, when every schedule passed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ScheduleExplorationException">A schedule failed: its seed, a replay line, and what ran in an unusual order.
    /// Or the body failed in the default order, before any schedule was explored: no seed, no reorderings.</exception>
    /// <exception cref="VirtualTimeException">A run, in the default order or under a schedule, ended in a late start
    /// (<see cref="VirtualTimeException.IsLateStart"/>).</exception>
    /// <remarks>
    /// <para>
    /// Explored: the order in which timers due at the same instant fire, and the order in which continuations ready on the
    /// run's context at the same instant run (under a schedule every timer due at an instant fires before the work it woke
    /// runs, so all of it is ready at once). Not explored: work on the thread pool, which the run only waits for; the order
    /// of events at different instants, which time fixes; real I/O. A driven fake's demand is explored too: when several
    /// enumerations wait on one <see cref="DrivenSequence{T}"/>, which of them gets the item the test emits (on the run's thread).
    /// </para>
    /// <para>
    /// When the body fails in the default order, no schedule is explored: the exploration fails with a
    /// <see cref="ScheduleExplorationException"/> that says so (this is no schedule finding, and
    /// <see cref="RunAsync(Func{VirtualClock, Task}, VirtualTimeOptions?)"/> reproduces it), with the body's failure as its
    /// <see cref="Exception.InnerException"/>, no <see cref="ScheduleExplorationException.Seed"/> and no reorderings. A late
    /// start in any run, the default order's included, is thrown as it is (<see cref="VirtualTimeException.IsLateStart"/>:
    /// the machine held up work of the run, which says nothing about the order). A failing schedule is shrunk (unless
    /// <see cref="ExplorationOptions.Shrink"/> is off): its decisions are put back to the default order one by one, last
    /// first, as long as the body still fails with the same exception type, at most 200 reruns.
    /// </para>
    /// </remarks>
    /// <example>
    /// <code>
    /// var covered = await VirtualTime.ExploreAsync(async clock =>
    /// {
    ///     var cache = new OrderCache(clock);
    ///     await Task.WhenAll(cache.GetAsync(7), cache.GetAsync(7)); // two callers at the same instant
    ///     Assert.Equal(1, cache.Loads);
    /// }, new ExplorationOptions { Schedules = 200 });
    /// </code>
    /// </example>
    public static async Task<ExplorationResult> ExploreAsync(Func<VirtualClock, Task> body, ExplorationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        options ??= ExplorationOptions.Default;
        options.Validate();
        var run = (options.Run ?? VirtualTimeOptions.Default).WithScheduleSeed(null);

        var (defaultFailure, defaultClock, poolWork) = await RunOnceAsync(body, run, null).ConfigureAwait(false);
        if (defaultFailure is not null)
        {
            ThrowIfLateStart(defaultFailure);
            throw new ScheduleExplorationException(DefaultOrderReport(defaultFailure, defaultClock), defaultFailure);
        }

        var fingerprints = new HashSet<string>(StringComparer.Ordinal) { string.Empty };
        var decisions = 0;
        for (var n = 1; n <= options.Schedules; n++)
        {
            var seed = options.FirstSeed + n - 1;
            var schedule = Schedule.Seeded(seed);
            var (failure, clock, scheduledPoolWork) = await RunOnceAsync(body, run, schedule).ConfigureAwait(false);
            poolWork |= scheduledPoolWork;
            fingerprints.Add(schedule.Fingerprint());
            decisions = Math.Max(decisions, schedule.Decisions.Count);
            if (failure is not null)
            {
                ThrowIfLateStart(failure);
                throw await FailedAsync(body, run, options, n, seed, schedule, failure, clock).ConfigureAwait(false);
            }
        }

        return new ExplorationResult(options.Schedules + 1, fingerprints.Count, decisions, poolWork);
    }

    /// <summary>Rethrows a late start as it is: the machine held up work of the run, which says nothing about the order, so
    /// there is no finding to shrink or replay.</summary>
    private static void ThrowIfLateStart(Exception failure)
    {
        if (failure is VirtualTimeException { IsLateStart: true })
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private static async Task<(Exception? Failure, VirtualClock Clock, bool PoolWork)> RunOnceAsync(Func<VirtualClock, Task> body, VirtualTimeOptions run, Schedule? schedule)
    {
        var clock = new VirtualClock();
        var runner = new VirtualTimeRunner(clock, run, schedule);
        try
        {
            await runner.Start(async c =>
            {
                await (body(c) ?? throw new InvalidOperationException(VirtualTimeRunner.NullBody)).ConfigureAwait(true);
                return true;
            }).ConfigureAwait(false);
            return (null, clock, runner.RanPoolWork);
        }
#pragma warning disable CA1031 // The body's failure is the finding: it is reported, with the schedule, by the caller.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (ex, clock, runner.RanPoolWork);
        }
    }

    private static async Task<ScheduleExplorationException> FailedAsync(
        Func<VirtualClock, Task> body, VirtualTimeOptions run, ExplorationOptions options, int n, int seed, Schedule failing, Exception failure, VirtualClock clock)
    {
        var picks = failing.Decisions.Select(d => d.Pick).ToList();
        var before = picks.Count(p => p != 0);
        if (options.Shrink)
        {
            var reruns = 0;
            for (var i = picks.Count - 1; i >= 0 && reruns < MaxShrinkRuns; i--)
            {
                if (i >= picks.Count || picks[i] == 0)
                {
                    continue;
                }

                var trial = new List<int>(picks) { [i] = 0 };
                var forced = Schedule.Forced(trial);
                reruns++;
                var (again, _, _) = await RunOnceAsync(body, run, forced).ConfigureAwait(false);
                if (again is not null && again.GetType() == failure.GetType())
                {
                    picks = forced.Decisions.Select(d => d.Pick).ToList();
                }
            }
        }

        // One more run of what is left, for the names of what ran in an unusual order.
        var final = Schedule.Forced(picks);
        var (finalFailure, _, _) = await RunOnceAsync(body, run, final).ConfigureAwait(false);
        var shown = finalFailure is not null ? final : failing;
        var reorderings = shown.Decisions.Where(d => d.Pick != 0).Select(Describe).ToList();
        return new ScheduleExplorationException(Report(n, options.Schedules, seed, before, reorderings, failure, clock), failure, seed, reorderings);
    }

    private static string Describe(ScheduleDecision d) => TimeFormat.Elapsed(TimeSpan.FromTicks(d.AtTicks)) + "  " + d.Choice switch
    {
        ScheduleChoice.Timer => $"{d.Taken} fired before {d.Default} ({d.Options} timers due at that instant)",
        ScheduleChoice.TimerBeforeWork => $"{d.Taken}, due at the same instant, fired before {d.Default} ran",
        ScheduleChoice.Demand => $"{d.Taken} got the emitted item before {d.Default} ({d.Options} enumerations waiting)",
        _ => $"{d.Taken} ran before {d.Default} ({d.Options} ready at that instant)",
    };

    private static string Report(int n, int of, int seed, int before, List<string> reorderings, Exception failure, VirtualClock clock)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"The body failed under schedule {n} of {of} (seed {seed}); the default order")
            .Append(n > 1 ? $" and {n - 1} other schedule(s) passed." : " passed.")
            .AppendLine()
            .Append(CultureInfo.InvariantCulture, $"Replay it: VirtualTime.RunAsync(body, new VirtualTimeOptions {{ ScheduleSeed = {seed} }}), or ScheduleSeed = {seed} on the test's attribute.")
            .AppendLine()
            .Append(CultureInfo.InvariantCulture, $"What ran in an unusual order ({reorderings.Count} reordering(s) against the default order")
            .Append(reorderings.Count < before ? $", shrunk from {before}):" : "):");
        foreach (var line in reorderings)
        {
            text.AppendLine().Append("  ").Append(line);
        }

        return AppendFailure(text, failure, clock);
    }

    private static string DefaultOrderReport(Exception failure, VirtualClock clock) => AppendFailure(
        new StringBuilder(
            "The body failed in the default order, before any schedule was explored, so this is not a schedule finding: " +
            "VirtualTime.RunAsync(body) reproduces it, as does the test without Schedules on its attribute."),
        failure,
        clock);

    /// <summary>Ends a report with the body's failure and, unless its message shows them, the timelines of the failing run.</summary>
    private static string AppendFailure(StringBuilder text, Exception failure, VirtualClock clock)
    {
        text.AppendLine().Append("The failure: ").Append(MessageFormat.Exception(failure));
        if (!failure.Message.Contains("Timeline (", StringComparison.Ordinal))
        {
            foreach (var timeline in ClockTimelines.Of(clock).Where(t => t.Count > 0))
            {
                text.AppendLine().Append(timeline.Render());
            }
        }

        return text.ToString();
    }
}
