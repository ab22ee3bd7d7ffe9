namespace AsyncEnumTesting;

/// <summary>Learns how many thread-pool threads of this process are busy for good (blocked elsewhere), across runs.</summary>
/// <remarks>
/// A run that waits for its own pool work needs the count of threads that process work on behalf of nobody in the run: a
/// test host keeps a few pool threads blocked in reads for its whole life. The floor is the fewest processing threads
/// ever seen; it goes up by one only when a run waited its whole straggler wait without ever seeing the count reach it
/// (a thread got blocked for good since). A floor that is too high would let a run miss its own work, so it is learned
/// from below; one that is too low only costs waiting. It is shared by the process's runs because a single run is too
/// short to learn it: it holds no test's state and changes no result, only how long a run looks.
/// </remarks>
internal static class PoolFloor
{
    private static int s_floor = int.MaxValue;

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

    /// <summary>Returns whether no more threads process work than the floor, lowering the floor to what is seen.</summary>
    public static bool Reached()
    {
        var processing = Processing;
        var floor = Volatile.Read(ref s_floor);
        while (processing < floor)
        {
            var seen = Interlocked.CompareExchange(ref s_floor, processing, floor);
            if (seen == floor)
            {
                return true;
            }

            floor = seen;
        }

        return processing <= floor;
    }

    /// <summary>Raises the floor by one: a whole wait passed without the count reaching it.</summary>
    public static void Raise()
    {
        var floor = Volatile.Read(ref s_floor);
        if (floor != int.MaxValue)
        {
            Interlocked.CompareExchange(ref s_floor, floor + 1, floor);
        }
    }
}
