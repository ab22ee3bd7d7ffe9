using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace AsyncEnumTesting.Benchmarks.Probes;

/// <summary>What a probe adds per item to <c>await foreach</c> over a source that never waits; figures are per item.</summary>
/// <remarks>
/// Each invocation creates a timeline and a probe, consumes 1,000,000 items and disposes. The probe records 2 events per
/// item (MoveNextStarted, Yielded; synchronous calls of one stream share a run entry of up to 128 calls) and 5 more once
/// (GetAsyncEnumerator, the last MoveNextStarted, Completed, DisposeStarted, Disposed). The Floor benchmarks record
/// the least possible per item for a log that several threads write (see <see cref="FloorRecorder{T}"/>: one atomic
/// operation and one entry per item), the OwnedFloor ones for a log one thread writes (see
/// <see cref="OwnedFloorRecorder{T}"/>), to show how close the probe is to each.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ProbeOverheadBenchmarks
{
    private const int Items = 1_000_000;

    private readonly IAsyncEnumerable<int> _handWritten = Sources.HandWritten(Items);
    private readonly IAsyncEnumerable<int> _iterator = Sources.Iterator(Items);

    /// <summary>Raw <c>await foreach</c> over the hand-written source.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    [BenchmarkCategory("HandWritten")]
    public async Task RawHandWritten() => Sources.CheckSum(await Sources.SumAsync(_handWritten), Items);

    /// <summary>The hand-written source through a probe on a real-time timeline (one timestamp read per event).</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    [BenchmarkCategory("HandWritten")]
    public async Task ProbedHandWritten() => Sources.CheckSum(await Sources.SumAsync(_handWritten.Probe(new Timeline())), Items);

    /// <summary>The hand-written source through a probe on a virtual-clock timeline (time is a field read).</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    [BenchmarkCategory("HandWritten")]
    public async Task ProbedHandWrittenVirtual() =>
        Sources.CheckSum(await Sources.SumAsync(_handWritten.Probe(new Timeline(new VirtualClock()))), Items);

    /// <summary>The hand-written source through the least recording possible (see <see cref="FloorRecorder{T}"/>): the floor.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    [BenchmarkCategory("HandWritten")]
    public async Task FloorHandWritten() => Sources.CheckSum(await Sources.SumAsync(new FloorRecorder<int>(_handWritten)), Items);

    /// <summary>The hand-written source through the least recording a single writer can do (see <see cref="OwnedFloorRecorder{T}"/>).</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    [BenchmarkCategory("HandWritten")]
    public async Task OwnedFloorHandWritten() => Sources.CheckSum(await Sources.SumAsync(new OwnedFloorRecorder<int>(_handWritten)), Items);

    /// <summary>Raw <c>await foreach</c> over a compiler-generated async iterator.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    [BenchmarkCategory("Iterator")]
    public async Task RawIterator() => Sources.CheckSum(await Sources.SumAsync(_iterator), Items);

    /// <summary>The compiler-generated iterator through a probe on a real-time timeline.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    [BenchmarkCategory("Iterator")]
    public async Task ProbedIterator() => Sources.CheckSum(await Sources.SumAsync(_iterator.Probe(new Timeline())), Items);

    /// <summary>The compiler-generated iterator through a probe on a virtual-clock timeline.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    [BenchmarkCategory("Iterator")]
    public async Task ProbedIteratorVirtual() => Sources.CheckSum(await Sources.SumAsync(_iterator.Probe(new Timeline(new VirtualClock()))), Items);

    /// <summary>The compiler-generated iterator through the least recording possible: the floor.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    [BenchmarkCategory("Iterator")]
    public async Task FloorIterator() => Sources.CheckSum(await Sources.SumAsync(new FloorRecorder<int>(_iterator)), Items);

    /// <summary>The compiler-generated iterator through the least recording a single writer can do.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    [BenchmarkCategory("Iterator")]
    public async Task OwnedFloorIterator() => Sources.CheckSum(await Sources.SumAsync(new OwnedFloorRecorder<int>(_iterator)), Items);
}
