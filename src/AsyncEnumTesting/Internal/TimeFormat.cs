using System.Globalization;

namespace AsyncEnumTesting;

/// <summary>Formats virtual and real durations the same way in every message the kit writes.</summary>
internal static class TimeFormat
{
    /// <summary>Formats an elapsed time as <c>mm:ss.fff</c>, growing to <c>h:mm:ss.fff</c> and <c>d.hh:mm:ss.fff</c>.</summary>
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
    public static string RealSeconds(TimeSpan elapsed) =>
        elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";

    /// <summary>Formats an instant as ISO 8601 in UTC.</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
