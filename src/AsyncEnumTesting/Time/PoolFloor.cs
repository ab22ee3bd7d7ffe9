using System.Diagnostics;

namespace AsyncEnumTesting;

/// <summary>Counts the thread-pool threads that process work, and how few this process has ever seen do so.</summary>
/// <remarks>
/// A run that waits for its own pool work needs the count of threads busy on behalf of nobody in the run: a test host
/// keeps a few pool threads blocked in reads for its whole life. Each run finds its own floor when it starts (the fewest
/// processing threads it sees while pool threads park after their last item), helped by the fewest the process ever saw:
/// while the count is above that, the run looks a little longer (at most two milliseconds). A floor that is too high would
/// let a run miss its own work, so it is only ever lowered, never raised; one that is too low only costs waiting.
/// </remarks>
internal static class PoolFloor
{
    private static readonly long SettleTicks = Stopwatch.Frequency / 500;
    private static int s_fewest = int.MaxValue;

    /// <summary>Gets the pool threads processing work right now (including threads blocked inside a work item).</summary>
    public static int Processing
    {
        get
        {
            ThreadPool.GetMaxThreads(out var max, out _);
            ThreadPool.GetAvailableThreads(out var available, out _);
            return max - available;
        }
    }

    /// <summary>Finds a run's floor: the fewest processing threads seen while the pool's threads park.</summary>
    public static int Find()
    {
        var floor = Observe();
        var until = Stopwatch.GetTimestamp() + SettleTicks;
        var spinner = default(SpinWait);
        for (var looks = 0; looks < 20 || (floor > Volatile.Read(ref s_fewest) && Stopwatch.GetTimestamp() < until); looks++)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
            floor = Math.Min(floor, Observe());
        }

        return floor;
    }

    /// <summary>Returns whether no more threads process work than <paramref name="floor"/>, lowering it to what is seen.</summary>
    public static bool Reached(ref int floor)
    {
        var processing = Observe();
        if (processing <= floor)
        {
            floor = processing;
            return true;
        }

        return false;
    }

    private static int Observe()
    {
        var processing = Processing;
        var fewest = Volatile.Read(ref s_fewest);
        while (processing < fewest)
        {
            var seen = Interlocked.CompareExchange(ref s_fewest, processing, fewest);
            if (seen == fewest)
            {
                break;
            }

            fewest = seen;
        }

        return processing;
    }
}
