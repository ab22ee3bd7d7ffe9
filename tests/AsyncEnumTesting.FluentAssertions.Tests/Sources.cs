using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.FluentAssertions.Tests;

/// <summary>Small producers the tests enumerate: async iterators on a virtual clock, like the code users test.</summary>
internal static class Sources
{
    /// <summary>Yields each value after its delay on <paramref name="clock"/>.</summary>
    public static async IAsyncEnumerable<int> Timed(TimeProvider clock, IEnumerable<(int DelayMs, int Value)> items, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var (delay, value) in items)
        {
            if (delay > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(delay), clock, ct);
            }

            yield return value;
        }
    }

    /// <summary>Yields <paramref name="values"/> one every 100 ms of <paramref name="clock"/>, the first after 0 ms.</summary>
    public static IAsyncEnumerable<int> Every100Ms(TimeProvider clock, params int[] values) =>
        Timed(clock, values.Select((v, i) => (i == 0 ? 0 : 100, v)));

    /// <summary>Yields <paramref name="values"/> synchronously.</summary>
    public static async IAsyncEnumerable<T> Of<T>(params T[] values)
    {
        await Task.CompletedTask;
        foreach (var value in values)
        {
            yield return value;
        }
    }

    /// <summary>Yields <paramref name="values"/>, then throws <paramref name="error"/>.</summary>
    public static async IAsyncEnumerable<int> Failing(Exception error, params int[] values)
    {
        await Task.CompletedTask;
        foreach (var value in values)
        {
            yield return value;
        }

        throw error;
    }

    /// <summary>Yields <paramref name="values"/>, then waits for cancellation forever (no timer, no item).</summary>
    public static async IAsyncEnumerable<int> Hanging(int[] values, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var value in values)
        {
            yield return value;
        }

        await Task.Delay(Timeout.Infinite, ct);
    }

    /// <summary>Polls every <paramref name="periodMs"/> forever, yielding a counter, on <paramref name="clock"/>.</summary>
    public static async IAsyncEnumerable<int> Poll(TimeProvider clock, int periodMs, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(periodMs), clock);
        var n = 0;
        while (await timer.WaitForNextTickAsync(ct))
        {
            yield return ++n;
        }
    }

    /// <summary>Replaces real-time stamps (they differ on every run) with <c>--:--.---</c>; virtual times are kept.</summary>
    public static string RealTimes(string message) =>
        message.Contains("Timeline (real time):", StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.Replace(message, @"(?m)^  \d\d:\d\d\.\d\d\d", "  --:--.---")
            : message;

    /// <summary>Joins lines with the platform's line break, as failure messages do.</summary>
    public static string Lines(params string[] lines) => string.Join(Environment.NewLine, lines);
}
