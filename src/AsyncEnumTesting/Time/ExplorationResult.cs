namespace AsyncEnumTesting;

/// <summary>Says what a passing exploration covered: how many schedules ran, and how many of them differed.</summary>
public sealed class ExplorationResult
{
    internal ExplorationResult(int schedules, int distinct, int decisions)
    {
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
    /// <returns>For example <c>200 schedules passed, 37 distinct (up to 12 order decisions each)</c>.</returns>
    public override string ToString() =>
        $"{Schedules} schedules passed, {DistinctSchedules} distinct (up to {Decisions} order decision(s) each)";
}
