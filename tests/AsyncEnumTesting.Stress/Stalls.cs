using AsyncEnumTesting.FluentAssertions;

namespace AsyncEnumTesting.Stress;

/// <summary>Real work of the run in flight must hold the clock: each case must never fail, and must see no time pass.</summary>
internal static class Stalls
{
    public static readonly (string Name, string Shape, Func<Task<string>> Run)[] All =
    [
        ("reader-realio", "reader inside a run, source awaits 20 ms of real time (like real I/O) then completes", ReaderRealIo),
        ("should-realio", "Should(clock) inside a run, source awaits 20 ms of real time then completes", ShouldRealIo),
        ("reader-taskrun", "reader inside a run, source awaits a 50 ms Task.Run", ReaderTaskRun),
        ("hour-taskrun", "a 1 h timer pending while the body awaits a 50 ms Task.Run", HourTaskRun),
    ];

    private static Task<string> ReaderRealIo() => VirtualTime.RunAsync(async clock =>
    {
        await using var reader = RealIo(clock).OpenReader(clock);
        var item = await reader.AwaitItemAsync();
        await reader.AwaitCompletionAsync();
        return $"{item}@{clock.Elapsed}";
    });

    private static Task<string> ShouldRealIo() => VirtualTime.RunAsync(async clock =>
    {
        await RealIo(clock).Should(clock).YieldInOrder(1);
        return $"ok@{clock.Elapsed}";
    });

    private static Task<string> ReaderTaskRun() => VirtualTime.RunAsync(async clock =>
    {
        await using var reader = PoolWork(clock).OpenReader(clock);
        var item = await reader.AwaitItemAsync();
        await reader.AwaitCompletionAsync();
        return $"{item}@{clock.Elapsed}";
    });

    private static Task<string> HourTaskRun() => VirtualTime.RunAsync(async clock =>
    {
        var hour = Task.Delay(TimeSpan.FromHours(1), clock);
        await Task.Run(() => Thread.Sleep(50)); // real time on purpose: real work of the run on the pool
        var seen = clock.Elapsed;
        await hour;
        return $"{seen} then {clock.Elapsed}";
    });

    private static async IAsyncEnumerable<int> RealIo(VirtualClock clock)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System); // real time on purpose: stands for real I/O
        yield return 1;
    }

    private static async IAsyncEnumerable<int> PoolWork(VirtualClock clock)
    {
        var value = await Task.Run(() =>
        {
            Thread.Sleep(50); // real time on purpose: real work on the pool
            return 1;
        });
        yield return value;
    }
}
