namespace AsyncEnumTesting;

/// <summary>Stores one timeline event in 24 bytes and no reference; <see cref="Timeline"/> turns it into a <see cref="TimelineEvent"/> when read.</summary>
/// <remarks>
/// The source name and enumeration live once per stream (see <see cref="TimelineStream"/>), not once per event; a value
/// lives in the log's value table, a probe's items stay typed in the enumeration's own log and are boxed only when
/// someone reads <see cref="Timeline.Events"/>. Holding no reference, entries cost the collector nothing to scan and
/// their stores no write barrier. <see cref="Code"/> says what the entry is and is written last (zero means "not yet
/// published"): kind + 1 for ordinary events, the complement of the item's index (negative) for a lazy item.
/// </remarks>
internal struct TimelineEntry
{
    /// <summary>When it happened, in <see cref="TimeSpan"/> ticks since the timeline's origin.</summary>
    public long Ticks;

    /// <summary>The index of the (source, enumeration) stream in the timeline's stream table.</summary>
    public int Stream;

    /// <summary>Kind + 1, or the complement of a lazy item's index; 0 while unpublished.</summary>
    public int Code;

    /// <summary>The index of the event's value in the log's value table (-1 for none), or of the item log that holds a lazy item.</summary>
    public int Value;

    /// <summary>Gets what happened.</summary>
    public readonly TimelineEventKind Kind => Code < 0 ? TimelineEventKind.Yielded : (TimelineEventKind)(Code - 1);

    /// <summary>Gets whether the entry is a lazy item at <see cref="ItemIndex"/> of the item log <see cref="Value"/>.</summary>
    public readonly bool IsLazyItem => Code < 0;

    /// <summary>Gets the index of a lazy item.</summary>
    public readonly int ItemIndex => ~Code;

    /// <summary>Returns the code of an ordinary event of <paramref name="kind"/>.</summary>
    public static int CodeOf(TimelineEventKind kind) => (int)kind + 1;

    /// <summary>Returns the code of a lazy item at <paramref name="index"/>.</summary>
    public static int CodeOfItem(int index) => ~index;
}

/// <summary>Reads the item at an index as an object, so a timeline can box probe items only when someone reads them.</summary>
internal interface IBoxedItems
{
    /// <summary>Returns the item at <paramref name="index"/>, boxed.</summary>
    object? GetBoxed(int index);
}

/// <summary>Names one (source, enumeration) pair that events belong to.</summary>
internal sealed record TimelineStream(string Source, int Enumeration);
