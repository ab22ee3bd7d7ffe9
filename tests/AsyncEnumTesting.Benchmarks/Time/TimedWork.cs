using System.Reactive.Concurrency;
using System.Runtime.CompilerServices;
using Microsoft.Reactive.Testing;

namespace AsyncEnumTesting.Benchmarks.Time;

/// <summary>The workload every clock runs: async sequences that await a delay before each item.</summary>
internal static class TimedWork
{
    /// <summary>One virtual millisecond: the step manual drivers advance by.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);

    /// <summary>Gets the gap of sequence <paramref name="index"/>: 1 to 10 ms, so sequences interleave.</summary>
    public static TimeSpan Gap(int index) => TimeSpan.FromMilliseconds(1 + (index % 10));

    /// <summary>Yields <paramref name="count"/> items, each after a delay of <paramref name="gap"/> on <paramref name="time"/>.</summary>
    public static async IAsyncEnumerable<int> Ticks(TimeProvider time, int count, TimeSpan gap)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Delay(gap, time);
            yield return i;
        }
    }

    /// <summary>Starts <paramref name="sequences"/> consumers of <see cref="Ticks"/> and returns the task that counts all items.</summary>
    public static async Task<long> ConsumeAll(TimeProvider time, int sequences, int delaysEach)
    {
        var consumers = new Task<int>[sequences];
        for (var i = 0; i < sequences; i++)
        {
            consumers[i] = Consume(Ticks(time, delaysEach, sequences == 1 ? Step : Gap(i)));
        }

        long total = 0;
        foreach (var count in await Task.WhenAll(consumers))
        {
            total += count;
        }

        return total;
    }

    /// <summary>Runs <see cref="ConsumeAll"/> on <paramref name="time"/>, advanced by hand with <paramref name="advance"/> one
    /// <see cref="Step"/> at a time until every sequence is done, and checks that every event happened.</summary>
    public static async Task AdvanceByHandAsync(TimeProvider time, Action<TimeSpan> advance, int sequences, int delaysEach)
    {
        var all = ConsumeAll(time, sequences, delaysEach);
        for (var i = Steps(sequences, delaysEach); i > 0; i--)
        {
            advance(Step);
        }

        Check(await all, (long)sequences * delaysEach);
    }

    /// <summary>Schedules on <paramref name="scheduler"/> what <see cref="ConsumeAll"/> does with delays: per sequence, a chain of actions.</summary>
    public static StrongBox<long> ScheduleAll(TestScheduler scheduler, int sequences, int delaysEach)
    {
        var fired = new StrongBox<long>();
        for (var i = 0; i < sequences; i++)
        {
            var gap = sequences == 1 ? Step : Gap(i);
            scheduler.Schedule((Left: delaysEach, Gap: gap, Fired: fired), gap, Next);
        }

        return fired;

        static IDisposable Next(IScheduler scheduler, (int Left, TimeSpan Gap, StrongBox<long> Fired) state)
        {
            state.Fired.Value++;
            return state.Left > 1
                ? scheduler.Schedule(state with { Left = state.Left - 1 }, state.Gap, Next)
                : System.Reactive.Disposables.Disposable.Empty;
        }
    }

    /// <summary>Gets how many 1 ms steps it takes until every sequence is done.</summary>
    public static int Steps(int sequences, int delaysEach) => sequences == 1 ? delaysEach : delaysEach * 10;

    /// <summary>Throws unless every expected event happened, so a broken driver cannot look fast.</summary>
    public static void Check(long actual, long expected)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"Expected {expected} timer events, got {actual}.");
        }
    }

    private static async Task<int> Consume(IAsyncEnumerable<int> source)
    {
        var count = 0;
        await foreach (var item in source)
        {
            count++;
        }

        return count;
    }
}
