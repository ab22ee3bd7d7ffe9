namespace AsyncEnumTesting;

/// <summary>Stores one timeline event in 16 bytes and no reference; <see cref="Timeline"/> turns it into a <see cref="TimelineEvent"/> when read.</summary>
/// <remarks>
/// <para>
/// The source name and enumeration live once per stream (see <see cref="TimelineStream"/>), not once per event; a value
/// lives in the log's value table, and a probe's items stay typed in the enumeration's own log (one per stream), boxed
/// only when someone reads <see cref="Timeline.Events"/>. Holding no reference, entries cost the collector nothing to
/// scan and their stores no write barrier.
/// <see cref="Code"/> says what the entry is and is written last (zero means "not yet published"): for an ordinary
/// event, kind + 1 in its low 4 bits and the value's index + 1 above (0 for none); for a lazy item, the complement of
/// the item's index (negative), with bit 30 of the index set when the entry also stands for the MoveNextStarted of the
/// call that yielded it synchronously (one entry instead of two; readers always see two events).
/// </para>
/// <para>
/// Inside <see cref="TimelineLog"/>'s store only, such a merged entry is a <em>run</em>: consecutive synchronous calls
/// of one stream with one stamp, nothing else appended between them, share it. Its <see cref="Stream"/> then holds the
/// stream's id in the low 24 bits, the number of (MoveNextStarted, Yielded) pairs minus 1 in bits 24 to 30 (items
/// <see cref="ItemIndex"/> onward), and in bit 31 whether one more MoveNextStarted follows them. A probe that reads a
/// synchronous source thus stores its typed item and a sixteenth of an entry per item. Every entry that leaves the log
/// is a single event again (see <see cref="TimelineLog.ToArray"/>), with <see cref="Stream"/> the plain id.
/// </para>
/// </remarks>
internal struct TimelineEntry
{
    /// <summary>The most events with a value one timeline holds (items do not count).</summary>
    public const int MaxValues = (int.MaxValue >> KindBits) - 1;

    /// <summary>The most items one probed enumeration records.</summary>
    public const int MaxItems = MergedFlag;

    /// <summary>How many streams can have runs: ids below this fit the low bits of a run's <see cref="Stream"/>.</summary>
    public const int RunStreams = 1 << RunShift;

    /// <summary>The most (MoveNextStarted, Yielded) pairs one run holds.</summary>
    public const int MaxRunPairs = 128;

    /// <summary>Added to a run's <see cref="Stream"/> for each further pair.</summary>
    public const int RunPair = 1 << RunShift;

    /// <summary>Set in a run's <see cref="Stream"/> while one more MoveNextStarted follows its pairs.</summary>
    public const int RunTrailingStarted = int.MinValue;

    private const int RunShift = 24;
    private const int RunStreamMask = RunStreams - 1;
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

    /// <summary>Gets a run's stream id (the low bits of its <see cref="Stream"/>).</summary>
    public readonly int RunStream => Stream & RunStreamMask;

    /// <summary>Gets how many (MoveNextStarted, Yielded) pairs a run holds.</summary>
    public readonly int RunPairs => RunPairsOf(Stream);

    /// <summary>Gets whether a MoveNextStarted follows a run's pairs.</summary>
    public readonly bool RunHasTrailingStarted => Stream < 0;

    /// <summary>Gets the index of an ordinary event's value in the log's value table, or -1 for none.</summary>
    public readonly int ValueIndex => (Code >> KindBits) - 1;

    /// <summary>Returns the code of an ordinary event of <paramref name="kind"/>, without a value.</summary>
    public static int CodeOf(TimelineEventKind kind) => (int)kind + 1;

    /// <summary>Returns <paramref name="code"/> with the value at <paramref name="valueIndex"/> (-1 for none).</summary>
    public static int WithValue(int code, int valueIndex) => code | ((valueIndex + 1) << KindBits);

    /// <summary>Returns the code of a lazy item at <paramref name="index"/>.</summary>
    public static int CodeOfItem(int index) => ~index;

    /// <summary>Returns how many pairs a run whose <see cref="Stream"/> is <paramref name="runStream"/> holds.</summary>
    public static int RunPairsOf(int runStream) => ((runStream >>> RunShift) & (MaxRunPairs - 1)) + 1;

    /// <summary>Returns the code of a MoveNextStarted entry merged with the lazy item at <paramref name="index"/>.</summary>
    public static int CodeOfMergedItem(int index) => ~(index | MergedFlag);
}

/// <summary>Names one (source, enumeration) pair that events belong to.</summary>
internal sealed record TimelineStream(string Source, int Enumeration);
