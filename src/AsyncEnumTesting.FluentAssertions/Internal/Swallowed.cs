#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <summary>Names an error a source on the timeline threw that the subject did not pass on: the usual cause of a missing exception.</summary>
/// <remarks>
/// A consumer or an operator (a merge, a retry) that catches its source's exception ends quietly; the assertion that
/// expected the exception then says only how it ended. The timeline still holds the source's failure, so the message can
/// point at it, as a reviewer would.
/// </remarks>
internal static class Swallowed
{
    /// <summary>Finds the first failure in <paramref name="events"/> from <paramref name="from"/> on of a source other than <paramref name="except"/>.</summary>
    /// <param name="events">The timeline's events.</param>
    /// <param name="from">The first event to look at: the subject's own enumeration started there.</param>
    /// <param name="except">The subject's own source name, whose failures are not swallowed ones; <see langword="null"/> for none.</param>
    /// <returns>The failure's index in <paramref name="events"/>, or -1.</returns>
    public static int Find(IReadOnlyList<TimelineEvent> events, int from, string? except)
    {
        for (var i = Math.Max(from, 0); i < events.Count; i++)
        {
            var e = events[i];
            if (e.Kind == TimelineEventKind.Faulted && e.Value is Exception && !string.Equals(e.Source, except, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Returns the clause of <see cref="Clause(IReadOnlyList{TimelineEvent}, int, string)"/> for the first failure anywhere on <paramref name="timeline"/>.</summary>
    public static string Clause(Timeline timeline, string who)
    {
        var events = timeline.Events;
        return Clause(events, Find(events, 0, null), who);
    }

    /// <summary>Returns <c>, although "left" #1 threw IOException: left down at 00:03.000: {who} caught it and went on</c>
    /// for the failure at <paramref name="index"/>, or an empty string for -1.</summary>
    /// <param name="events">The timeline's events.</param>
    /// <param name="index">The failure's index, from <see cref="Find"/>.</param>
    /// <param name="who">Who went on: <c>the consumer</c>.</param>
    public static string Clause(IReadOnlyList<TimelineEvent> events, int index, string who)
    {
        if (index < 0)
        {
            return string.Empty;
        }

        var e = events[index];
        return $", although \"{e.Source}\" #{e.Enumeration} threw {MessageFormat.Exception(e.Value as Exception)} at {TimeFormat.Elapsed(e.Time)}: {who} caught it and went on";
    }
}
