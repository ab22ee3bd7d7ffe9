using BenchmarkDotNet.Attributes;
using AsyncEnumTesting.Benchmarks.Probes;

namespace AsyncEnumTesting.Benchmarks.Reading;

/// <summary>What the step-wise reader costs per item: open, <c>AwaitItemAsync</c> per item, <c>AwaitCompletionAsync</c>, dispose.</summary>
/// <remarks>
/// Figures are per item (100,000 per invocation); the raw <c>await foreach</c> over the same source is the baseline. The
/// reader records through a probe on a real-time timeline, so the probed loop shows which part of its cost is recording.
/// </remarks>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private const int Items = 100_000;

    private readonly IAsyncEnumerable<int> _source = Sources.HandWritten(Items);

    /// <summary>Raw <c>await foreach</c> over the hand-written source.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    public async Task RawAwaitForeach() => Sources.CheckSum(await Sources.SumAsync(_source), Items);

    /// <summary>Raw <c>await foreach</c> through a probe: the recording the reader does anyway, to tell it from the reader's own cost.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public async Task ProbedAwaitForeach() => Sources.CheckSum(await Sources.SumAsync(_source.Probe(new Timeline())), Items);

    /// <summary>The floor of a reader step with this API: the probed loop plus one <c>async Task&lt;T&gt;</c> method per item
    /// that awaits the probe's <c>MoveNextAsync</c> and returns the item (a <see cref="Task{TResult}"/> per item, as
    /// <c>AwaitItemAsync</c> returns one).</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public async Task FloorTaskStep()
    {
        long sum = 0;
        var enumerator = _source.Probe(new Timeline()).GetAsyncEnumerator();
        await using (enumerator.ConfigureAwait(false))
        {
            for (var i = 0; i < Items; i++)
            {
                sum += await StepAsync(enumerator);
            }
        }

        Sources.CheckSum(sum, Items);
    }

    /// <summary>The same floor with a <see cref="ValueTask{TResult}"/> step: what a reader step costs without the <c>Task</c>.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public async Task FloorValueTaskStep()
    {
        long sum = 0;
        var enumerator = _source.Probe(new Timeline()).GetAsyncEnumerator();
        await using (enumerator.ConfigureAwait(false))
        {
            for (var i = 0; i < Items; i++)
            {
                sum += await ValueStepAsync(enumerator);
            }
        }

        Sources.CheckSum(sum, Items);
    }

    /// <summary>Reads every item with <c>AwaitItemAsync</c>, then the completion, on real time.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public async Task ReaderAwaitItem()
    {
        long sum = 0;
        await using (var reader = _source.OpenReader())
        {
            for (var i = 0; i < Items; i++)
            {
                sum += await reader.AwaitItemAsync();
            }

            await reader.AwaitCompletionAsync();
        }

        Sources.CheckSum(sum, Items);
    }

    private static async Task<int> StepAsync(IAsyncEnumerator<int> enumerator) =>
        await enumerator.MoveNextAsync() ? enumerator.Current : throw new InvalidOperationException("The source ended early.");

    private static async ValueTask<int> ValueStepAsync(IAsyncEnumerator<int> enumerator) =>
        await enumerator.MoveNextAsync() ? enumerator.Current : throw new InvalidOperationException("The source ended early.");
}
