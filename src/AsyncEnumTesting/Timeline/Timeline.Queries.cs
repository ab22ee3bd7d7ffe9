namespace AsyncEnumTesting;

/// <content>Queries over the recorded events: by source, by kind, first match and order.</content>
public sealed partial class Timeline
{
    /// <summary>Gets the names of the sources that recorded events, in the order they first appeared (marks appear as "test").</summary>
    public IReadOnlyList<string> Sources
    {
        get
        {
            var count = _streams.Count;
            var names = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var source = _streams[i].Source;
                if (!names.Contains(source, StringComparer.Ordinal))
                {
                    names.Add(source);
                }
            }

            return names;
        }
    }

    /// <summary>Returns the events of one source (a probe's or fake's name, or "test" for marks), in order.</summary>
    /// <param name="source">The source's name.</param>
    /// <returns>A snapshot of the matching events.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<TimelineEvent> EventsOf(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Snapshot(e => string.Equals(_streams[e.Stream].Source, source, StringComparison.Ordinal));
    }

    /// <summary>Returns the events of one kind, in order.</summary>
    /// <param name="kind">What happened.</param>
    /// <returns>A snapshot of the matching events.</returns>
    public IReadOnlyList<TimelineEvent> EventsOf(TimelineEventKind kind) => Snapshot(e => e.Kind == kind);

    /// <summary>Returns the index in <see cref="Events"/> of the first event at or after <paramref name="startIndex"/> that matches, or -1.</summary>
    /// <param name="match">Says whether an event is the one sought.</param>
    /// <param name="startIndex">Where to start looking.</param>
    /// <returns>The index, or -1 when no event matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="match"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startIndex"/> is negative.</exception>
    public int IndexOf(Func<TimelineEvent, bool> match, int startIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentOutOfRangeException.ThrowIfNegative(startIndex);
        var entries = _entries.ToArray();
        for (var i = startIndex; i < entries.Length; i++)
        {
            if (match(ToEvent(entries[i])))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Returns the index in <see cref="Events"/> of the first mark with <paramref name="label"/>, or -1.</summary>
    /// <param name="label">The label given to <see cref="Mark"/>.</param>
    /// <returns>The index, or -1 when there is no such mark.</returns>
    public int IndexOfMark(string label) =>
        IndexOf(e => e.Kind == TimelineEventKind.Mark && string.Equals(e.Value as string, label, StringComparison.Ordinal));

    /// <summary>Returns whether the first event matching <paramref name="earlier"/> was appended before the first event matching <paramref name="later"/>.</summary>
    /// <param name="earlier">Finds the event that should come first.</param>
    /// <param name="later">Finds the event that should come second.</param>
    /// <returns><see langword="true"/> when both exist and the first comes first; <see langword="false"/> otherwise (also when either is missing).</returns>
    /// <exception cref="ArgumentNullException">Either argument is <see langword="null"/>.</exception>
    /// <remarks>Order is the order of appending, which also orders events that share a timestamp.</remarks>
    public bool HappenedBefore(Func<TimelineEvent, bool> earlier, Func<TimelineEvent, bool> later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var events = Events;
        var first = IndexIn(events, earlier);
        var second = IndexIn(events, later);
        return first >= 0 && second >= 0 && first < second;
    }

    private static int IndexIn(IReadOnlyList<TimelineEvent> events, Func<TimelineEvent, bool> match)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (match(events[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
