using System.Runtime.CompilerServices;

namespace AsyncEnumTesting;

/// <summary>Which timelines each <see cref="VirtualClock"/> stamps, for failure reports.</summary>
/// <remarks>Kept here rather than on the clock, so that the clock knows nothing of timelines (the arrows run from
/// <c>Timeline/</c> to <c>Time/</c>, never back); the table lets a clock and its timelines be collected together.</remarks>
internal static class ClockTimelines
{
    private static readonly ConditionalWeakTable<VirtualClock, List<Timeline>> s_byClock = [];

    /// <summary>Remembers that <paramref name="timeline"/> is stamped by <paramref name="clock"/>.</summary>
    public static void Add(VirtualClock clock, Timeline timeline)
    {
        var timelines = s_byClock.GetValue(clock, static _ => []);
        lock (timelines)
        {
            timelines.Add(timeline);
        }
    }

    /// <summary>Returns a snapshot of the timelines created with <paramref name="clock"/>, in creation order.</summary>
    public static IReadOnlyList<Timeline> Of(VirtualClock clock)
    {
        if (!s_byClock.TryGetValue(clock, out var timelines))
        {
            return [];
        }

        lock (timelines)
        {
            return [.. timelines];
        }
    }
}
