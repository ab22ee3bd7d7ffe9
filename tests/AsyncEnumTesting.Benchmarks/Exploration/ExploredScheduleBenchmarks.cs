using AsyncEnumTesting.Tests.Catalogue.Races;
using BenchmarkDotNet.Attributes;

namespace AsyncEnumTesting.Benchmarks.Exploration;

/// <summary>The cost of one explored schedule against one plain run of the same body (the correct race twins).</summary>
[MemoryDiagnoser]
public class ExploredScheduleBenchmarks
{
    private Func<VirtualClock, Task> _body = null!;
    private int _seed;

    /// <summary>Gets or sets the race twin whose correct version runs.</summary>
    [Params("cache", "batcher", "merge", "readers", "cancellation")]
    public string Twin { get; set; } = "cache";

    /// <summary>Picks the body.</summary>
    [GlobalSetup]
    public void Setup() => _body = Twin switch
    {
        "cache" => CheckThenActCache.Scenario(buggy: false),
        "batcher" => BatcherDoubleFlush.Scenario(buggy: false),
        "merge" => BoundedBufferMerge.Scenario(buggy: false),
        "readers" => SharedEnumeratorReaders.Scenario(buggy: false),
        _ => CancellationRacesCompletion.Scenario(buggy: false),
    };

    /// <summary>One run in the default order.</summary>
    [Benchmark(Baseline = true)]
    public Task Plain() => VirtualTime.RunAsync(_body);

    /// <summary>One run under a seeded schedule (a new seed each time, as an exploration does).</summary>
    [Benchmark]
    public Task Explored() => VirtualTime.RunAsync(_body, new VirtualTimeOptions { ScheduleSeed = ++_seed });
}
