using BenchmarkDotNet.Attributes;

namespace AsyncEnumTesting.Benchmarks.Probes;

/// <summary>The parts a probed item is made of, each repeated 1,000,000 times: which one dominates the probe's cost.</summary>
/// <remarks>
/// A probed item that completed synchronously costs two locked steps on the timeline (MoveNextStarted; then its item,
/// merged into the stream's run entry), with no atomic operation while one thread appends (one compare-exchange each
/// once several do), and the probe's own bookkeeping (the dispose state and the token read); on real time no clock read.
/// </remarks>
[MemoryDiagnoser]
public class ProbeCostBreakdownBenchmarks
{
    private const int Items = 1_000_000;

    private int _counter;

    /// <summary>One read of the system clock's timestamp, as a real-time timeline stamps each event.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public long TimestampRead()
    {
        var clock = TimeProvider.System;
        long sum = 0;
        for (var i = 0; i < Items; i++)
        {
            sum += clock.GetTimestamp();
        }

        return sum;
    }

    /// <summary>One uncontended atomic increment, as expensive as the compare-exchange a locked step takes once several threads append.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public int InterlockedIncrement()
    {
        for (var i = 0; i < Items; i++)
        {
            Interlocked.Increment(ref _counter);
        }

        return _counter;
    }

    /// <summary>One event appended to a real-time timeline: a timestamp and a log slot.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public int AppendRealTime() => AppendAll(new Timeline());

    /// <summary>One event appended to a virtual-time timeline: a field read and a log slot.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public int AppendVirtualTime() => AppendAll(new Timeline(new VirtualClock()));

    /// <summary>One item kept typed in an enumeration's log.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public int AppendItemTyped()
    {
        var log = new AppendLog<int>();
        for (var i = 0; i < Items; i++)
        {
            log.Add(i);
        }

        return log.Count;
    }

    private static int AppendAll(Timeline timeline)
    {
        var stream = timeline.RegisterStream("source", 1);
        for (var i = 0; i < Items; i++)
        {
            timeline.Append(stream, TimelineEventKind.MoveNextStarted);
        }

        return timeline.Count;
    }
}
