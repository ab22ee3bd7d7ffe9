namespace AsyncEnumTesting;

/// <content>Rendering a timeline as an aligned table and as marbles.</content>
public sealed partial class Timeline
{
    /// <summary>Renders the events as an aligned table: time, enumeration, call and result.</summary>
    /// <param name="options">How to format values, how long the rendering may be, and which row to annotate; defaults when <see langword="null"/>.</param>
    /// <returns>For example:
    /// <code>
    /// Timeline (virtual time):
    ///   00:00.000  #1 GetAsyncEnumerator  token: cancellable
    ///   00:00.000  #1 MoveNextAsync -> 1
    ///   00:00.100  #1 MoveNextAsync -> 2
    ///   00:00.100  #1 DisposeAsync
    /// </code>
    /// </returns>
    /// <remarks>
    /// A call immediately followed by its own result is folded into one row, stamped with the result's time. Source
    /// names show when more than one source recorded events (<c>orders#1</c>); marks show as <c>mark "label"</c>.
    /// Longer timelines than <see cref="TimelineRenderOptions.MaxRows"/> are shortened around the highlighted row (or
    /// to their start and end), saying how many events were left out.
    /// </remarks>
    public string Render(TimelineRenderOptions? options = null) => TimelineRenderer.Render(Events, IsVirtual, options);

    /// <summary>Renders the events as <see cref="Render"/> does, under a header that names the probes and fakes the test named:
    /// <c>Timeline of "polls" (virtual time):</c>.</summary>
    /// <remarks>For a report that holds several timelines (<see cref="TimelineReport.RenderTimelines(VirtualClock, string?)"/>), where each must say whose it is.</remarks>
    internal string RenderTitled() => TimelineRenderer.RenderOf(Events, IsVirtual, options: null, GivenNames);

    /// <summary>Renders each enumeration as one line of marbles, one character per <paramref name="frame"/> of time.</summary>
    /// <param name="frame">How much time one marble character stands for.</param>
    /// <param name="formatValue">How items are written; <see langword="null"/> writes them with <see cref="object.ToString"/> (invariant culture).</param>
    /// <returns>One line per enumeration, for example <c>orders#1  -a-b-(c|)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frame"/> is not positive.</exception>
    /// <remarks>
    /// <c>-</c> is a frame where nothing happened, an item is written as itself, <c>|</c> is completion, <c>#</c> an
    /// exception, <c>x</c> cancellation, <c>!</c> a disposal before the sequence ended; several events in one frame are
    /// grouped in parentheses. A line starts with blanks until its enumeration began. Single-character items read best.
    /// </remarks>
    public string RenderMarbles(TimeSpan frame, Func<object?, string>? formatValue = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(frame, TimeSpan.Zero);
        return MarbleRenderer.Render(Events, frame, formatValue);
    }

    /// <summary>Renders the timeline with the default options.</summary>
    /// <returns>The same text as <see cref="Render"/>.</returns>
    public override string ToString() => Render();
}
