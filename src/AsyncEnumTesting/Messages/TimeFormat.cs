using System.Globalization;

namespace AsyncEnumTesting;

/// <summary>Formats virtual and real durations the same way in every message the kit writes.</summary>
/// <remarks>
/// Public so that an integration wording its own failures (an assertion library's <c>Should()</c>, a framework's report)
/// writes times exactly as the kit's timelines and messages do: <c>00:01.500</c> for a time on a timeline or the clock,
/// <c>1.500 s</c> for a span of real time.
/// </remarks>
/// <example><code>$"nothing happened within {TimeFormat.Elapsed(limit)} of virtual time"</code></example>
public static class TimeFormat
{
    /// <summary>Formats an elapsed time as <c>mm:ss.fff</c>, growing to <c>h:mm:ss.fff</c> and <c>d.hh:mm:ss.fff</c>.</summary>
    /// <param name="elapsed">A time since the clock's start (<see cref="VirtualClock.Elapsed"/>, <see cref="TimelineEvent.Time"/>) or a virtual duration; a negative one gets a leading <c>-</c>.</param>
    /// <returns>For example <c>00:01.500</c>, <c>1:00:00.000</c>, <c>2.03:00:00.000</c>.</returns>
    public static string Elapsed(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero)
        {
            return "-" + Elapsed(elapsed.Negate());
        }

        if (elapsed.TotalDays >= 1)
        {
            return elapsed.ToString(@"d\.hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
        }

        return elapsed.TotalHours >= 1
            ? elapsed.ToString(@"h\:mm\:ss\.fff", CultureInfo.InvariantCulture)
            : elapsed.ToString(@"mm\:ss\.fff", CultureInfo.InvariantCulture);
    }

    /// <summary>Formats a span of real time in seconds, for the "real time spent" half of a diagnosis.</summary>
    /// <param name="elapsed">The span of real time.</param>
    /// <returns>For example <c>1.500 s</c>.</returns>
    public static string RealSeconds(TimeSpan elapsed) =>
        elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";

    /// <summary>Formats an instant as ISO 8601 in UTC.</summary>
    internal static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
