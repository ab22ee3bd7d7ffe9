namespace AsyncEnumTesting.Tests.Time;

/// <summary>Runs a body that hops through the thread pool the way the framework attributes do: a run that ends in a late
/// start runs again on a new clock, three runs at most.</summary>
/// <remarks>
/// A late start (<see cref="VirtualTimeException.IsLateStart"/>) says the machine held up work of the run on the pool past a
/// clock move: the run failed loudly instead of giving a different timeline. On a loaded CI machine, with the other test
/// classes filling the same pool, that happens now and then (measured: docs/reliability.md). The tests that use this check
/// that no run is ever silently different: a wrong timeline fails at once, and so do three late starts in a row.
/// </remarks>
internal static class LateStarts
{
    private const int MaxRuns = 3;

    /// <summary>Runs <paramref name="body"/> in <see cref="VirtualTime.RunAsync{T}(Func{VirtualClock, Task{T}}, VirtualTimeOptions?)"/>,
    /// again after a late start.</summary>
    public static Task<T> RunAgainAsync<T>(Func<VirtualClock, Task<T>> body) => RunAgainAsync(body, VirtualTimeOptions.Default);

    /// <summary>Runs <paramref name="body"/> in <see cref="VirtualTime.RunAsync(Func{VirtualClock, Task}, VirtualTimeOptions?)"/>
    /// with <paramref name="options"/>, again after a late start.</summary>
    public static Task RunAgainAsync(Func<VirtualClock, Task> body, VirtualTimeOptions options) => RunAgainAsync(
        async clock =>
        {
            await body(clock);
            return true;
        },
        options);

    private static async Task<T> RunAgainAsync<T>(Func<VirtualClock, Task<T>> body, VirtualTimeOptions options)
    {
        for (var run = 1; ; run++)
        {
            try
            {
                return await VirtualTime.RunAsync(body, options);
            }
            catch (VirtualTimeException ex) when (ex.IsLateStart && run < MaxRuns)
            {
            }
        }
    }
}
