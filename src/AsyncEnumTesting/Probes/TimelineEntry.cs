namespace AsyncEnumTesting;

/// <summary>Stores one timeline event in 16 bytes and no reference; <see cref="Timeline"/> turns it into a <see cref="TimelineEvent"/> when read.</summary>
/// <remarks>
/// The source name and enumeration live once per stream (see <see cref="TimelineStream"/>), not once per event; a value
/// lives in the log's value table, and a probe's items stay typed in the enumeration's own log (one per stream), boxed
/// only when someone reads <see cref="Timeline.Events"/>. Holding no reference, entries cost the collector nothing to
/// scan and their stores no write barrier; at 16 bytes, a probed item's two entries and its typed item take 36 bytes.
/// <see cref="Code"/> says what the entry is and is written last (zero means "not yet published"): for an ordinary
/// event, kind + 1 in its low 4 bits and the value's index + 1 above (0 for none); for a lazy item, the complement of
/// the item's index (negative), with bit 30 of the index set when the entry also stands for the MoveNextStarted of the
/// call that yielded it synchronously (one entry instead of two; readers always see two events).
/// </remarks>
internal struct TimelineEntry
{
    /// <summary>The most events with a value one timeline holds (items do not count).</summary>
    public const int MaxValues = (int.MaxValue >> KindBits) - 1;

    /// <summary>The most items one probed enumeration records.</summary>
    public const int MaxItems = MergedFlag;

    private const int KindBits = 4;
    private const int MergedFlag = 1 << 30;
    private const int KindMask = (1 << KindBits) - 1;

    /// <summary>When it happened, in <see cref="TimeSpan"/> ticks since the timeline's origin.</summary>
    public long Ticks;

    /// <summary>The index of the (source, enumeration) stream in the timeline's stream table.</summary>
    public int Stream;

    /// <summary>What the entry is (see the remarks); 0 while unpublished.</summary>
    public int Code;

    /// <summary>Gets what happened.</summary>
    public readonly TimelineEventKind Kind => Code < 0 ? TimelineEventKind.Yielded : (TimelineEventKind)((Code & KindMask) - 1);

    /// <summary>Gets whether the entry is a lazy item at <see cref="ItemIndex"/> of its stream's item log.</summary>
    public readonly bool IsLazyItem => Code < 0;

    /// <summary>Gets the index of a lazy item.</summary>
    public readonly int ItemIndex => ~Code & ~MergedFlag;

    /// <summary>Gets whether the entry holds two events: a MoveNextStarted and the lazy item its call yielded synchronously.</summary>
    public readonly bool IsMerged => Code < 0 && (~Code & MergedFlag) != 0;

    /// <summary>Gets the index of an ordinary event's value in the log's value table, or -1 for none.</summary>
    public readonly int ValueIndex => (Code >> KindBits) - 1;

    /// <summary>Returns the code of an ordinary event of <paramref name="kind"/>, without a value.</summary>
    public static int CodeOf(TimelineEventKind kind) => (int)kind + 1;

    /// <summary>Returns <paramref name="code"/> with the value at <paramref name="valueIndex"/> (-1 for none).</summary>
    public static int WithValue(int code, int valueIndex) => code | ((valueIndex + 1) << KindBits);

    /// <summary>Returns the code of a lazy item at <paramref name="index"/>.</summary>
    public static int CodeOfItem(int index) => ~index;

    /// <summary>Returns the code of a MoveNextStarted entry merged with the lazy item at <paramref name="index"/>.</summary>
    public static int CodeOfMergedItem(int index) => ~(index | MergedFlag);
}

/// <summary>Reads the item at an index as an object, so a timeline can box probe items only when someone reads them.</summary>
internal interface IBoxedItems
{
    /// <summary>Returns the item at <paramref name="index"/>, boxed.</summary>
    object? GetBoxed(int index);
}

/// <summary>Names one (source, enumeration) pair that events belong to.</summary>
internal sealed record TimelineStream(string Source, int Enumeration);
