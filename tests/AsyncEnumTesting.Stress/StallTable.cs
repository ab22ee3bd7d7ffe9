using System.Diagnostics;

namespace AsyncEnumTesting.Stress;

/// <summary>Runs each no-false-stall case many times: failures and differing outcomes are both counted.</summary>
internal static class StallTable
{
    public static async Task<int> RunAsync(int runs)
    {
        // A late start is loud (the run says it may differ) and not a stall: counted on its own.
        Console.WriteLine("| case | shape | runs | spurious failures | late starts (loud) | outcomes other than the first | slowest run |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        var bad = 0;
        foreach (var (name, shape, run) in Stalls.All)
        {
            string? first = null;
            var failures = 0;
            var differ = 0;
            var late = 0;
            var slowest = TimeSpan.Zero;
            for (var i = 0; i < runs; i++)
            {
                var started = Stopwatch.GetTimestamp();
                string outcome;
                try
                {
                    outcome = await run();
                }
                catch (VirtualTimeException ex) when (ex.IsLateStart)
                {
                    late++;
                    outcome = first ?? "late";
                }
                catch (Exception ex)
                {
                    failures++;
                    outcome = "error";
                    if (failures <= 2)
                    {
                        Console.Error.WriteLine($"[{name}] run {i}: {ex.GetType().Name}: {ex.Message}");
                    }
                }

                var took = Stopwatch.GetElapsedTime(started);
                slowest = took > slowest ? took : slowest;
                first ??= outcome;
                differ += outcome == first ? 0 : 1;
            }

            bad += failures + differ;
            Console.WriteLine($"| {name} | {shape} | {runs:N0} | {failures} | {late} | {differ} | {slowest.TotalMilliseconds:N0} ms |");
        }

        return bad == 0 ? 0 : 1;
    }
}
