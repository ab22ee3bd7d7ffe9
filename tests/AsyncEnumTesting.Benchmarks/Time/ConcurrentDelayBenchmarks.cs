using BenchmarkDotNet.Attributes;
using Microsoft.Reactive.Testing;

namespace AsyncEnumTesting.Benchmarks.Time;

/// <summary>Many async sequences at once, 10 delays each (gaps of 1 to 10 ms): how the cost per event scales with pending timers.</summary>
[MemoryDiagnoser]
public class ConcurrentDelayBenchmarks
{
    private const int DelaysEach = 10;

    /// <summary>Gets or sets how many sequences run at once.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int Sequences { get; set; }

    private long Events => (long)Sequences * DelaysEach;

    /// <summary>Advances a <see cref="VirtualClock"/> by hand, 1 ms per step.</summary>
    [Benchmark]
    public async Task VirtualClockManual()
    {
        var clock = new VirtualClock();
        var all = TimedWork.ConsumeAll(clock, Sequences, DelaysEach);
        for (var i = TimedWork.Steps(Sequences, DelaysEach); i > 0; i--)
        {
            await clock.AdvanceAsync(TimedWork.Step);
        }

        TimedWork.Check(await all, Events);
    }

    /// <summary>Lets <see cref="VirtualTime.RunAsync{T}(Func{VirtualClock, Task{T}}, VirtualTimeOptions?)"/> jump from timer to timer.</summary>
    [Benchmark]
    public async Task VirtualClockAutomatic() =>
        TimedWork.Check(await VirtualTime.RunAsync(clock => TimedWork.ConsumeAll(clock, Sequences, DelaysEach)), Events);

    /// <summary>Advances <see cref="FloorTimeProvider"/> by hand, 1 ms per step: the least a virtual clock can cost here.</summary>
    [Benchmark]
    public Task Floor()
    {
        var floor = new FloorTimeProvider();
        return TimedWork.AdvanceByHandAsync(floor, floor.Advance, Sequences, DelaysEach);
    }

    /// <summary>Runs the consumers on <see cref="FloorRunLoop"/>: the least an automatic driver can cost here.</summary>
    [Benchmark]
    public void AutomaticFloor() =>
        TimedWork.Check(FloorRunLoop.Run(time => TimedWork.ConsumeAll(time, Sequences, DelaysEach), markFlow: false), Events);

    /// <summary>The same, with a flow marker in the execution context as a driver that sees pool hops needs.</summary>
    [Benchmark]
    public void AutomaticFloorWithFlow() =>
        TimedWork.Check(FloorRunLoop.Run(time => TimedWork.ConsumeAll(time, Sequences, DelaysEach), markFlow: true), Events);

    /// <summary>Runs the equivalent chains of scheduled actions on Rx's TestScheduler, 1 ms per step.</summary>
    [Benchmark]
    public void TestScheduler()
    {
        var scheduler = new TestScheduler();
        var fired = TimedWork.ScheduleAll(scheduler, Sequences, DelaysEach);
        for (var i = TimedWork.Steps(Sequences, DelaysEach); i > 0; i--)
        {
            scheduler.AdvanceBy(TimedWork.Step.Ticks);
        }

        TimedWork.Check(fired.Value, Events);
    }
}
