namespace BclProducers;

/// <summary>Tests that assert an exact timeline for code that hops through the thread pool run in this collection, alone.</summary>
/// <remarks>
/// xunit runs test classes in parallel in one process. A run's guarantee (the same timeline every time, or a loud late
/// start) is for a run whose process is otherwise quiet: the other classes' garbage and pool work can, rarely, let a
/// run of pool-hopping code differ silently (AsyncEnumTesting's docs/reliability.md, "Runs with neighbours").
/// </remarks>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExactTimelines
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Exact timelines of pool-hopping code";
}
