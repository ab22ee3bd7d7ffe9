using System.Diagnostics;
using AsyncEnumTesting;
using AsyncEnumTesting.Stress;

// Usage: AsyncEnumTesting.Stress determinism [runs] [--neighbours] [scenario...]
//        AsyncEnumTesting.Stress hangs | stalls [runs] | explore | hammers [strength]
var mode = args.Length > 0 ? args[0] : "determinism";
if (mode == "hammers")
{
    return await HammerTable.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 8);
}

if (mode == "hangs")
{
    return await HangTable.RunAsync();
}

if (mode == "explore")
{
    return await ExplorationTable.RunAsync();
}

if (mode == "stalls")
{
    var stallRuns = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
    return await StallTable.RunAsync(stallRuns);
}

var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
var neighbours = args.Contains("--neighbours");
var only = args.Skip(2).Where(a => a != "--neighbours").ToHashSet();
var failed = false;
using var stopNeighbours = new CancellationTokenSource();
var neighbourTask = neighbours ? Neighbours.StartAsync(stopNeighbours.Token) : Task.CompletedTask;
// A run that fails with a late start says it may differ (loud); "silently differ" counts runs that returned normally with
// another order than the first normal run: the figure that must be 0.
Console.WriteLine("| scenario | shape | runs | silently differ | late starts (loud) | distinct orders | other failures | slowest run |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
foreach (var (name, shape, body) in Scenarios.All)
{
    if (only.Count > 0 && !only.Contains(name))
    {
        continue;
    }

    string? first = null;
    var differ = 0;
    var errors = 0;
    var late = 0;
    var distinct = new HashSet<string>();
    var slowest = TimeSpan.Zero;
    string? firstError = null;
    var scenarioStarted = Stopwatch.GetTimestamp();
    for (var i = 0; i < runs; i++)
    {
        // Progress on stderr, so that a session stopped early still knows how many runs it completed and what they gave.
        if (i > 0 && i % 500 == 0)
        {
            Console.Error.WriteLine(
                $"[{name}] {i:N0} runs in {Stopwatch.GetElapsedTime(scenarioStarted).TotalSeconds:N0} s: {differ} silently differ, {late} late, {errors} other failures");
        }

        var started = Stopwatch.GetTimestamp();
        string outcome;
        try
        {
            outcome = await VirtualTime.RunAsync(body);
        }
        catch (VirtualTimeException ex) when (ex.IsLateStart)
        {
            late++;
            if (late <= 2)
            {
                Console.Error.WriteLine($"[{name}] run {i}: {ex.Message}");
            }

            slowest = Max(slowest, Stopwatch.GetElapsedTime(started));
            continue;
        }
        catch (Exception ex)
        {
            errors++;
            firstError ??= ex.ToString();
            outcome = "error: " + ex.GetType().Name + ": " + ex.Message;
        }

        var took = Stopwatch.GetElapsedTime(started);
        slowest = Max(slowest, took);
        first ??= outcome;
        distinct.Add(outcome);
        if (outcome != first)
        {
            differ++;
            if (differ <= 2)
            {
                Console.Error.WriteLine($"[{name}] run {i} differs:\n  first: {first}\n  this:  {outcome}");
            }
        }
    }

    failed |= differ > 0 || errors > 0;
    Console.WriteLine($"| {name} | {shape} | {runs:N0} | {differ} | {late} | {distinct.Count} | {errors} | {slowest.TotalMilliseconds:N0} ms |");
    if (firstError is not null)
    {
        Console.Error.WriteLine($"[{name}] first error: {firstError}");
    }
}

await stopNeighbours.CancelAsync();
await neighbourTask;
return failed ? 1 : 0;

static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
