namespace AsyncEnumTesting;

/// <summary>Says what a passing exploration covered: how many schedules ran, and how many of them differed.</summary>
public sealed class ExplorationResult
{
    private readonly bool _poolWork;

    internal ExplorationResult(int schedules, int distinct, int decisions, bool poolWork = false)
    {
        _poolWork = poolWork;
        Schedules = schedules;
        DistinctSchedules = distinct;
        Decisions = decisions;
    }

    /// <summary>Gets how many schedules ran, the default order included.</summary>
    public int Schedules { get; }

    /// <summary>Gets how many of them took a different order somewhere (two seeds can pick the same order).</summary>
    public int DistinctSchedules { get; }

    /// <summary>Gets the most order decisions one schedule made (0: time fixed the whole order, nothing to explore).</summary>
    public int Decisions { get; }

    /// <summary>Returns a one-line summary.</summary>
    /// <returns>For example <c>200 schedules passed, 37 distinct (up to 12 order decisions each)</c>; when the body also ran
    /// work on the thread pool, which exploration does not reorder, the summary says so (a trial read "101 distinct" as cover
    /// for a race inside <c>Parallel.ForEachAsync</c> that no schedule could reach).</returns>
    public override string ToString() =>
        $"{Schedules} schedules passed, {DistinctSchedules} distinct (up to {Decisions} order decision(s) each)" +
        (_poolWork ? "; the body also ran work on the thread pool, whose order is not explored" : string.Empty);
}
