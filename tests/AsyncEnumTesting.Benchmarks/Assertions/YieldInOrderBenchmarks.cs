using AsyncEnumTesting.Benchmarks.Probes;
using AsyncEnumTesting.FluentAssertions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FluentAssertions;

namespace AsyncEnumTesting.Benchmarks.Assertions;

/// <summary>What <c>await source.Should().YieldInOrder(expected)</c> costs against the ways a test checks the same without this kit.</summary>
/// <remarks>
/// Two groups, each with its own baseline: 1,000,000 items against <c>ToListAsync()</c> + <c>SequenceEqual</c>, and
/// 100,000 items against FluentAssertions' <c>BeEquivalentTo(..., WithStrictOrdering())</c> on the list (which takes
/// about 0.66 s for 100,000 ints on the reference machine, so 1,000,000 would make the run minutes long). Figures are
/// per assertion.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class YieldInOrderBenchmarks
{
    private const int Million = 1_000_000;
    private const int HundredThousand = 100_000;

    private readonly IAsyncEnumerable<int> _million = Sources.HandWritten(Million);
    private readonly int[] _expectedMillion = Sources.Expected(Million);
    private readonly IAsyncEnumerable<int> _hundredThousand = Sources.HandWritten(HundredThousand);
    private readonly int[] _expectedHundredThousand = Sources.Expected(HundredThousand);

    /// <summary>Collects the items and compares them with LINQ: the cheapest check a test can write.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("1M vs SequenceEqual")]
    public async Task ToListSequenceEqual1M() => Check((await _million.ToListAsync()).SequenceEqual(_expectedMillion));

    /// <summary>The kit's assertion on the same source.</summary>
    [Benchmark]
    [BenchmarkCategory("1M vs SequenceEqual")]
    public async Task YieldInOrder1M() => await _million.Should().YieldInOrder(_expectedMillion);

    /// <summary>Collects the items and asserts with FluentAssertions' structural equivalency, in strict order.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("100k vs BeEquivalentTo")]
    public async Task BeEquivalentTo100k()
    {
        var list = await _hundredThousand.ToListAsync();
        list.Should().BeEquivalentTo(_expectedHundredThousand, o => o.WithStrictOrdering());
    }

    /// <summary>The kit's assertion on the same source.</summary>
    [Benchmark]
    [BenchmarkCategory("100k vs BeEquivalentTo")]
    public async Task YieldInOrder100k() => await _hundredThousand.Should().YieldInOrder(_expectedHundredThousand);

    private static void Check(bool equal)
    {
        if (!equal)
        {
            throw new InvalidOperationException("The sequence differs from the expected items.");
        }
    }
}
