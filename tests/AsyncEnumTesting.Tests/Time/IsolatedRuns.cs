namespace AsyncEnumTesting.Tests.Time;

/// <summary>The collection for tests that prove exact timelines of pool-hopping code: it runs alone, after the parallel ones.</summary>
/// <remarks>
/// A run shares its process with every other test class; their garbage (a collection moves queued items away from the
/// pool watch's stamps) and pool work can, rarely, let a run differ without a late start (docs/reliability.md, "Runs with
/// neighbours"), and their blocked threads can starve the pool. The guarantee these tests check is the one for a run with
/// the process to itself.
/// </remarks>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IsolatedRuns
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Isolated virtual-time runs";
}
