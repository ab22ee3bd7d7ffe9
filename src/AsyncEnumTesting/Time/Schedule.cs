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

    /// <summary>Which of the enumerations waiting on a driven fake gets the item the test emits.</summary>
    Demand,
}

/// <summary>One decision of a schedule: how many options were open, which one was taken, and when.</summary>
/// <remarks>The names of the options are worked out only when a report asks for them: most decisions are never reported,
/// and naming a continuation costs a pattern match.</remarks>
internal readonly record struct ScheduleDecision(ScheduleChoice Choice, int Options, int Pick, long AtTicks, Func<int, string>? Describer)
{
    /// <summary>Gets the name of what ran in an unusual order, or <see langword="null"/> for the default pick.</summary>
    public string? Taken => Pick == 0 ? null : Describer?.Invoke(Pick);

    /// <summary>Gets the name of what would have run in the default order, or <see langword="null"/> for the default pick.</summary>
    public string? Default => Pick == 0 ? null : Describer?.Invoke(0);
}

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
    private readonly Dictionary<long, string> _timerCreators = [];

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

    /// <summary>Remembers which code created the timer numbered <paramref name="sequence"/> (from 0), for <see cref="TimerName"/>.</summary>
    public void NoteTimerCreator(long sequence, string? creator)
    {
        if (creator is null)
        {
            return;
        }

        lock (_timerCreators)
        {
            _timerCreators[sequence] = creator;
        }
    }

    /// <summary>Names the timer numbered <paramref name="sequence"/> (from 0) in a report: <c>timer #2 of Cache.LoadAsync</c>,
    /// or <c>timer #2</c> when the code that created it is not known.</summary>
    public string TimerName(long sequence)
    {
        lock (_timerCreators)
        {
            var number = (sequence + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return _timerCreators.TryGetValue(sequence, out var creator) ? $"timer #{number} of {creator}" : "timer #" + number;
        }
    }

    /// <summary>Picks one of <paramref name="options"/> (more than one) and records the decision.</summary>
    /// <param name="choice">What the decision reorders.</param>
    /// <param name="options">How many options are open.</param>
    /// <param name="atTicks">The virtual instant of the decision.</param>
    /// <param name="describe">Names option <c>i</c> for a report; called later, so it must not read state that changes.</param>
    public int Choose(ScheduleChoice choice, int options, long atTicks, Func<int, string>? describe = null)
    {
        var index = _decisions.Count;
        var pick = _forced is not null
            ? (index < _forced.Count && _forced[index] < options ? _forced[index] : 0)
            : _random!.Next(options);
        _decisions.Add(new ScheduleDecision(choice, options, pick, atTicks, describe));
        return pick;
    }

    /// <summary>Gives the last decision its names, once the caller knows them (only when it did not take the default).</summary>
    public void DescribeLast(Func<int, string> describe) => _decisions[^1] = _decisions[^1] with { Describer = describe };

    /// <summary>Returns a fingerprint of the picks, equal for two runs that took the same decisions.</summary>
    public string Fingerprint() => string.Join(",", _decisions.Select(d => d.Pick));
}
