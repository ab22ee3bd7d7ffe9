namespace AsyncEnumTesting;

/// <summary>What a schedule decision reorders.</summary>
internal enum ScheduleChoice
{
    /// <summary>Which of the continuations ready on the run's context runs next.</summary>
    Continuation,

    /// <summary>Which of the timers due at the same instant fires next.</summary>
    Timer,

    /// <summary>Whether the next timer due at the instant fires before the work the previous one woke runs (option 1).</summary>
    TimerBeforeWork,
}

/// <summary>One decision of a schedule: how many options were open, which one was taken, and when.</summary>
internal readonly record struct ScheduleDecision(ScheduleChoice Choice, int Options, int Pick, long AtTicks, string? Taken, string? Default);

/// <summary>Makes a run's order decisions where time does not fix the order: the default order, a seeded one, or a given one.</summary>
/// <remarks>
/// Option 0 is always the default order (first posted, first created). A seeded schedule picks with <see cref="Random"/>
/// from the seed, so the same seed gives the same picks on every run of a deterministic body; a forced schedule replays a
/// list of picks (shrinking uses it), taking the default wherever the list ends or names an option that is not open.
/// Only decisions with more than one option are recorded.
/// </remarks>
internal sealed class Schedule
{
    private readonly Random? _random;
    private readonly IReadOnlyList<int>? _forced;
    private readonly List<ScheduleDecision> _decisions = [];

    private Schedule(Random? random, IReadOnlyList<int>? forced)
    {
        _random = random;
        _forced = forced;
    }

    /// <summary>Gets the decisions made so far, in order.</summary>
    public IReadOnlyList<ScheduleDecision> Decisions => _decisions;

    /// <summary>Creates a schedule that picks from <paramref name="seed"/>.</summary>
    public static Schedule Seeded(int seed) => new(new Random(seed), null);

    /// <summary>Creates a schedule that replays <paramref name="picks"/>.</summary>
    public static Schedule Forced(IReadOnlyList<int> picks) => new(null, picks);

    /// <summary>Picks one of <paramref name="options"/> (more than one) and records the decision.</summary>
    public int Choose(ScheduleChoice choice, int options, long atTicks, Func<int, string>? describe = null)
    {
        var index = _decisions.Count;
        var pick = _forced is not null
            ? (index < _forced.Count && _forced[index] < options ? _forced[index] : 0)
            : _random!.Next(options);
        _decisions.Add(new ScheduleDecision(choice, options, pick, atTicks, pick == 0 ? null : describe?.Invoke(pick), pick == 0 ? null : describe?.Invoke(0)));
        return pick;
    }

    /// <summary>Returns a fingerprint of the picks, equal for two runs that took the same decisions.</summary>
    public string Fingerprint() => string.Join(",", _decisions.Select(d => d.Pick));
}
