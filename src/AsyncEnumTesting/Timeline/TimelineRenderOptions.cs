namespace AsyncEnumTesting;

/// <summary>Configures how <see cref="Timeline.Render"/> shows a timeline: value formatting, length and one annotated row.</summary>
public sealed class TimelineRenderOptions
{
    /// <summary>Gets the options used when none are given.</summary>
    public static TimelineRenderOptions Default { get; } = new();

    /// <summary>Gets how items are written; <see langword="null"/> for the default (strings quoted, numbers invariant, <c>null</c> spelled out).</summary>
    public Func<object?, string>? FormatValue { get; init; }

    /// <summary>Gets how many rows are shown at most before the rendering is shortened around the interesting part; default 40.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 3.</exception>
    public int MaxRows
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 3);
            field = value;
        }
    } = 40;

    /// <summary>Gets the index (in the rendered events) of the event to annotate, or <see langword="null"/>.</summary>
    /// <remarks>A shortened rendering keeps the rows around this event.</remarks>
    public int? HighlightIndex { get; init; }

    /// <summary>Gets the note written after the highlighted row, for example <c>differs from 3</c>.</summary>
    public string? HighlightNote { get; init; }

    /// <summary>Gets further notes by event index, for messages that point at several rows (which event each condition matched).</summary>
    /// <remarks>
    /// A row that holds several events (a call folded with its result) shows the notes of all of them, after the
    /// <see cref="HighlightNote"/> if it is the highlighted row, separated by <c>; </c>; a note repeated on one row shows once.
    /// Unlike the highlight, notes do not choose which rows a shortened rendering keeps.
    /// </remarks>
    public IReadOnlyDictionary<int, string>? Notes { get; init; }
}
