namespace AsyncEnumTesting;

/// <summary>Stores one timeline event in 24 bytes; <see cref="Timeline"/> turns it into a <see cref="TimelineEvent"/> when read.</summary>
/// <remarks>
/// The source name and enumeration live once per stream (see <see cref="TimelineStream"/>), not once per event. A
/// probe's items stay typed in the probe's own log and are boxed only when someone reads <see cref="Timeline.Events"/>:
/// a negative <see cref="KindOrItem"/> marks such a lazy item (its index is <c>~KindOrItem</c> in <see cref="Payload"/>).
/// </remarks>
internal readonly struct TimelineEntry(long ticks, object? payload, int stream, int kindOrItem)
{
    /// <summary>Gets when it happened, in <see cref="TimeSpan"/> ticks since the timeline's origin.</summary>
    public long Ticks { get; } = ticks;

    /// <summary>Gets the event's value, or the <see cref="IBoxedItems"/> that holds a lazy item.</summary>
    public object? Payload { get; } = payload;

    /// <summary>Gets the index of the (source, enumeration) stream in the timeline's stream table.</summary>
    public int Stream { get; } = stream;

    /// <summary>Gets the <see cref="TimelineEventKind"/>, or the complement of a lazy item's index.</summary>
    public int KindOrItem { get; } = kindOrItem;

    /// <summary>Gets what happened.</summary>
    public TimelineEventKind Kind => KindOrItem < 0 ? TimelineEventKind.Yielded : (TimelineEventKind)KindOrItem;

    /// <summary>Gets the event's value, boxing a lazy item.</summary>
    public object? Value => KindOrItem < 0 ? ((IBoxedItems)Payload!).GetBoxed(~KindOrItem) : Payload;
}

/// <summary>Names one (source, enumeration) pair that events belong to.</summary>
internal sealed record TimelineStream(string Source, int Enumeration);
