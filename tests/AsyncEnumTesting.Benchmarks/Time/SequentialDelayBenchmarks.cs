using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Reactive.Testing;

namespace AsyncEnumTesting.Benchmarks.Time;

/// <summary>One async sequence that awaits 100,000 delays of 1 ms in a row: the cost of one timer event end to end.</summary>
[MemoryDiagnoser]
public class SequentialDelayBenchmarks
{
    private const int Delays = 100_000;

    /// <summary>Advances a <see cref="VirtualClock"/> by hand, 1 ms per step.</summary>
    [Benchmark]
    public async Task VirtualClockManual()
    {
        var clock = new VirtualClock();
        var all = TimedWork.ConsumeAll(clock, 1, Delays);
        for (var i = 0; i < Delays; i++)
        {
            await clock.AdvanceAsync(TimedWork.Step);
        }

        TimedWork.Check(await all, Delays);
    }

    /// <summary>Lets <see cref="VirtualTime.RunAsync{T}(Func{VirtualClock, Task{T}}, VirtualTimeOptions?)"/> jump from timer to timer.</summary>
    [Benchmark]
    public async Task VirtualClockAutomatic() =>
        TimedWork.Check(await VirtualTime.RunAsync(clock => TimedWork.ConsumeAll(clock, 1, Delays)), Delays);

    /// <summary>Advances <see cref="FloorTimeProvider"/> by hand, 1 ms per step: the least a manual clock can cost here.</summary>
    [Benchmark]
    public Task Floor()
    {
        var floor = new FloorTimeProvider();
        return TimedWork.AdvanceByHandAsync(floor, floor.Advance, 1, Delays);
    }

    /// <summary>Runs the sequence on <see cref="FloorRunLoop"/>: the least an automatic driver can cost here.</summary>
    [Benchmark]
    public void AutomaticFloor() =>
        TimedWork.Check(FloorRunLoop.Run(time => TimedWork.ConsumeAll(time, 1, Delays), markFlow: false), Delays);

    /// <summary>The same, with a flow marker in the execution context as a driver that sees pool hops needs.</summary>
    [Benchmark]
    public void AutomaticFloorWithFlow() =>
        TimedWork.Check(FloorRunLoop.Run(time => TimedWork.ConsumeAll(time, 1, Delays), markFlow: true), Delays);

    /// <summary>Advances a FakeTimeProvider by hand, 1 ms per step.</summary>
    [Benchmark(Baseline = true)]
    public Task FakeTimeProvider()
    {
        var fake = new FakeTimeProvider();
        return TimedWork.AdvanceByHandAsync(fake, fake.Advance, 1, Delays);
    }

    /// <summary>Runs the same chain of 100,000 scheduled actions on Rx's TestScheduler, 1 ms per step.</summary>
    [Benchmark]
    public void TestScheduler()
    {
        var scheduler = new TestScheduler();
        var fired = TimedWork.ScheduleAll(scheduler, 1, Delays);
        for (var i = 0; i < Delays; i++)
        {
            scheduler.AdvanceBy(TimedWork.Step.Ticks);
        }

        TimedWork.Check(fired.Value, Delays);
    }
}
