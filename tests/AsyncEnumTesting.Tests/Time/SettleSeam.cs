using System.Reflection;

namespace AsyncEnumTesting.Tests.Time;

/// <summary>Sets the runner's test seam between the settle's readings (a private static field, found by name).</summary>
internal static class SettleSeam
{
    private static readonly FieldInfo Field =
        typeof(VirtualClock).Assembly.GetType("AsyncEnumTesting.VirtualTimeRunner", throwOnError: true)!
            .GetField("s_betweenReadings", BindingFlags.NonPublic | BindingFlags.Static)
        ?? throw new InvalidOperationException("VirtualTimeRunner.s_betweenReadings is gone: update SettleSeam.");

    /// <summary>Runs <paramref name="between"/> at each settle of every run until the result is disposed.</summary>
    public static IDisposable Set(Action between)
    {
        Field.SetValue(null, between);
        return new Reset();
    }

    /// <summary>Waits, for a second at most, until the pool holds nothing queued and no more threads process work than <paramref name="processing"/>.</summary>
    public static void WaitForIdlePool(int processing)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(1);
        while ((ThreadPool.PendingWorkItemCount > 0 || Processing > processing) && DateTime.UtcNow < until) // real time on purpose
        {
            Thread.Yield();
        }
    }

    /// <summary>Gets the pool threads processing work now.</summary>
    public static int Processing
    {
        get
        {
            ThreadPool.GetMaxThreads(out var max, out _);
            ThreadPool.GetAvailableThreads(out var available, out _);
            return max - available;
        }
    }

    private sealed class Reset : IDisposable
    {
        public void Dispose() => Field.SetValue(null, null);
    }
}
