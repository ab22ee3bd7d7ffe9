namespace AsyncEnumTesting.Stress;

/// <summary>What the other test classes of a parallel test run do to the process a run shares with them.</summary>
/// <remarks>
/// xunit, NUnit and MSTest run test classes in parallel in one process: their pool work, blocked pool threads, garbage
/// (gen-0 collections every few milliseconds) and their own virtual-time runs surround every run. The determinism table
/// alone runs one run at a time; with <c>--neighbours</c> each run has this company, as the kit's own test suite does.
/// </remarks>
internal static class Neighbours
{
    /// <summary>Starts the neighbours; cancel <paramref name="stop"/> to end them.</summary>
    /// <remarks>The environment variable AET_NEIGHBOURS picks some of them (garbage, chatter, blockers, runs), to find
    /// which one a failure needs.</remarks>
    public static Task StartAsync(CancellationToken stop)
    {
        var pick = (Environment.GetEnvironmentVariable("AET_NEIGHBOURS") ?? "garbage,chatter,blockers,runs").Split(',');
        var all = new List<Task>();
        if (pick.Contains("garbage"))
        {
            all.Add(Task.Run(() => Garbage(stop)));
        }

        if (pick.Contains("chatter"))
        {
            all.Add(Task.Run(() => PoolChatter(stop)));
        }

        if (pick.Contains("blockers"))
        {
            all.Add(Task.Run(() => Blockers(stop)));
        }

        if (pick.Contains("runs"))
        {
            all.Add(Task.Run(() => OtherRuns("readall", stop)));
            all.Add(Task.Run(() => OtherRuns("linq", stop)));
        }

        return Task.WhenAll(all);
    }

    /// <summary>Allocates short-lived objects: gen-0 collections every few milliseconds.</summary>
    private static async Task Garbage(CancellationToken stop)
    {
        var keep = new object[64];
        while (!stop.IsCancellationRequested)
        {
            for (var j = 0; j < 2_000; j++)
            {
                keep[j & 63] = new byte[64 + (j & 255)];
            }

            await Task.Yield();
        }
    }

    /// <summary>Queues small pool items in bursts: the pool's counts are rarely zero.</summary>
    private static async Task PoolChatter(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var burst = new Task[8];
            for (var i = 0; i < burst.Length; i++)
            {
                burst[i] = Task.Run(() => Thread.SpinWait(200));
            }

            await Task.WhenAll(burst).ConfigureAwait(false);
            await Task.Delay(1).ConfigureAwait(false); // real time on purpose: a neighbour lives outside any run
        }
    }

    /// <summary>Blocks a pool thread for a few milliseconds now and then, as a test doing sync-over-async does.</summary>
    private static async Task Blockers(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await Task.Run(() => Thread.Sleep(5)).ConfigureAwait(false); // real time on purpose: a blocked pool thread
            await Task.Delay(3).ConfigureAwait(false); // real time on purpose: a neighbour lives outside any run
        }
    }

    /// <summary>Runs another scenario back to back, as a parallel test class does; its outcomes are not counted.</summary>
    private static async Task OtherRuns(string scenario, CancellationToken stop)
    {
        var body = Scenarios.All.Single(s => s.Name == scenario).Body;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await VirtualTime.RunAsync(body).ConfigureAwait(false);
            }
            catch (VirtualTimeException)
            {
                // A late start of a neighbour is its own business.
            }
        }
    }
}
