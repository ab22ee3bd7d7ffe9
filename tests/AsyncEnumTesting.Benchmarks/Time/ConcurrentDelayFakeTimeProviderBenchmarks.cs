using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;

namespace AsyncEnumTesting.Benchmarks.Time;

/// <summary>The <see cref="ConcurrentDelayBenchmarks"/> workload on FakeTimeProvider, capped at 10,000 sequences.</summary>
/// <remarks>
/// FakeTimeProvider scans all its waiters for every timer it fires, so its cost per event grows with the number of
/// pending timers: 100,000 sequences would take minutes per invocation, so that size is left out.
/// </remarks>
[MemoryDiagnoser]
public class ConcurrentDelayFakeTimeProviderBenchmarks
{
    private const int DelaysEach = 10;

    /// <summary>Gets or sets how many sequences run at once.</summary>
    [Params(1_000, 10_000)]
    public int Sequences { get; set; }

    /// <summary>Advances a FakeTimeProvider by hand, 1 ms per step.</summary>
    [Benchmark]
    public Task FakeTimeProvider()
    {
        var fake = new FakeTimeProvider();
        return TimedWork.AdvanceByHandAsync(fake, fake.Advance, Sequences, DelaysEach);
    }
}
