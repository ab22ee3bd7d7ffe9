using System.Globalization;
using System.Text;

namespace AsyncEnumTesting;

/// <summary>Renders any list of events as an aligned table or as marbles; the one renderer behind <see cref="Timeline.Render"/> and the assertion messages.</summary>
/// <remarks>
/// <para>
/// A <c>MoveNextAsync</c> (or <c>DisposeAsync</c>) call immediately followed by its own result is folded into one row
/// stamped with the result's time. Source names show only when events of more than one source are rendered.
/// </para>
/// <para>
/// <see cref="Timeline.Render"/> renders a whole timeline as it is now; this class renders a list the caller chose: one
/// snapshot of <see cref="Timeline.Events"/> that a message's verdict was computed on (so the indexes it marks stay
/// right), or a filtered part of it. An integration for another assertion library builds its messages with it.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var events = timeline.Events;
/// var index = ...; // the event the failure points at
/// var table = TimelineRenderer.Render(events, timeline.Clock is VirtualClock, new TimelineRenderOptions { HighlightIndex = index, HighlightNote = "differs from 3" });
/// </code>
/// </example>
public static class TimelineRenderer
{
    /// <summary>What starts every row.</summary>
    internal const string Indent = "  ";

    /// <summary>What separates a row from its notes.</summary>
    internal const string NoteGap = "      <- ";

    /// <summary>Renders <paramref name="events"/> under a "Timeline (virtual time):" or "(real time)" header.</summary>
    /// <param name="events">The events, in timeline order; <see cref="TimelineRenderOptions.HighlightIndex"/> and <see cref="TimelineRenderOptions.Notes"/> index this list.</param>
    /// <param name="isVirtual">Whether the events carry virtual time (their timeline's clock is a <see cref="VirtualClock"/>): it picks the header.</param>
    /// <param name="options">How to format values, how long the rendering may be, and which rows to annotate; defaults when <see langword="null"/>.</param>
    /// <returns>The same text as <see cref="Timeline.Render"/> gives for a timeline holding these events; <c>Timeline (virtual time): no events</c> for none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is <see langword="null"/>.</exception>
    public static string Render(IReadOnlyList<TimelineEvent> events, bool isVirtual, TimelineRenderOptions? options = null) =>
        RenderOf(events, isVirtual, options, owners: []);

    /// <summary>Renders <paramref name="events"/> under a header that names <paramref name="owners"/>: <c>Timeline of "polls" (virtual time):</c>.</summary>
    /// <param name="events">The events, in timeline order.</param>
    /// <param name="isVirtual">Whether the events carry virtual time.</param>
    /// <param name="options">How to render; defaults when <see langword="null"/>.</param>
    /// <param name="owners">The names the test gave the timeline's probes and fakes; none keeps the plain header.</param>
    internal static string RenderOf(IReadOnlyList<TimelineEvent> events, bool isVirtual, TimelineRenderOptions? options, IReadOnlyList<string> owners)
    {
        ArgumentNullException.ThrowIfNull(events);
        options ??= TimelineRenderOptions.Default;
        var header = Header(isVirtual, owners);
        if (events.Count == 0)
        {
            return header + NoEvents;
        }

        var rows = TimelineRows.Build(events, options.FormatValue ?? ValueFormat.Format);
        var highlight = options.HighlightIndex is { } index ? rows.FindIndex(r => index >= r.FirstEvent && index < r.FirstEvent + r.EventCount) : -1;
        var showSources = ShowsSources(events);
        var labels = rows.ConvertAll(r => Label(r, showSources));
        var labelWidth = labels.Max(l => l.Length);
        var timeWidth = rows.Max(r => TimeFormat.Elapsed(r.Time).Length);
        var eventWidth = rows.Where(r => r.Value is not null).Select(r => r.Event.Length).DefaultIfEmpty(0).Max();

        var text = new StringBuilder(header);
        foreach (var part in Window(rows, highlight, options.MaxRows))
        {
            text.Append(Environment.NewLine).Append(Indent);
            if (part.Omitted is { } omitted)
            {
                text.Append(omitted);
                continue;
            }

            var row = rows[part.Row];
            text.Append(TimeFormat.Elapsed(row.Time).PadRight(timeWidth)).Append(Indent);
            if (labelWidth > 0)
            {
                text.Append(labels[part.Row].PadRight(labelWidth)).Append(' ');
            }

            text.Append(row.Value is null ? row.Event : row.Event.PadRight(eventWidth) + Indent + row.Value);
            var notes = Notes(row, part.Row == highlight ? options.HighlightNote ?? "here" : null, options.Notes);
            if (notes is not null)
            {
                text.Append(NoteGap).Append(notes);
            }
        }

        return text.ToString();
    }

    /// <summary>Describes the row that holds event <paramref name="index"/> as a message names it: <c>#1 DisposeAsync at 00:00.100</c>.</summary>
    /// <param name="events">The events, in timeline order, as <see cref="Render"/> would render them.</param>
    /// <param name="index">The index, in <paramref name="events"/>, of the event to name.</param>
    /// <param name="formatValue">How items are written, as <see cref="TimelineRenderOptions.FormatValue"/>; the default when <see langword="null"/>.</param>
    /// <returns>The row's label (the source when several sources recorded), call, result and time, for example <c>orders#1 MoveNextAsync -> 2 at 00:00.100</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not an index of <paramref name="events"/>.</exception>
    public static string Describe(IReadOnlyList<TimelineEvent> events, int index, Func<object?, string>? formatValue = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, events.Count);
        var rows = TimelineRows.Build(events, formatValue ?? ValueFormat.Format);
        var row = rows.Find(r => index >= r.FirstEvent && index < r.FirstEvent + r.EventCount)!;
        var label = Label(row, ShowsSources(events));
        return (label.Length == 0 ? string.Empty : label + " ") + row.Event + (row.Value is null ? string.Empty : " " + row.Value) +
            " at " + TimeFormat.Elapsed(row.Time);
    }

    /// <summary>Renders each enumeration in <paramref name="events"/> as one line of marbles, one character per <paramref name="frame"/> of time.</summary>
    /// <param name="events">The events, in timeline order.</param>
    /// <param name="frame">How much time one marble character stands for.</param>
    /// <param name="formatValue">How items are written; <see langword="null"/> writes them with <see cref="object.ToString"/> (invariant culture).</param>
    /// <returns>One line per enumeration, labels padded alike, for example <c>orders#1  -a-b-(c|)</c>; the notation of <see cref="Timeline.RenderMarbles"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frame"/> is not positive.</exception>
    public static string RenderMarbles(IReadOnlyList<TimelineEvent> events, TimeSpan frame, Func<object?, string>? formatValue = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(frame, TimeSpan.Zero);
        return MarbleRenderer.Render(events, frame, formatValue);
    }

    /// <summary>Joins the notes of a row: the highlight's, then those of the events it holds.</summary>
    private static string? Notes(TimelineRow row, string? highlight, IReadOnlyDictionary<int, string>? notes)
    {
        var all = new List<string>();
        if (highlight is not null)
        {
            all.Add(highlight);
        }

        for (var i = row.FirstEvent; notes is not null && i < row.FirstEvent + row.EventCount; i++)
        {
            if (notes.TryGetValue(i, out var note) && !all.Contains(note))
            {
                all.Add(note);
            }
        }

        return all.Count == 0 ? null : string.Join("; ", all);
    }

    /// <summary>Returns the first line of a rendering: <c>Timeline (virtual time):</c> or <c>Timeline (real time):</c>.</summary>
    internal static string Header(bool isVirtual) => isVirtual ? "Timeline (virtual time):" : "Timeline (real time):";

    /// <summary>Returns the first line of a rendering that says whose timeline it is: <c>Timeline of "left" and "right" (virtual time):</c>.</summary>
    /// <remarks>The plain <see cref="Header(bool)"/> without owners: failure messages keep it, and <see cref="TimelineTables"/> finds their tables by it.</remarks>
    internal static string Header(bool isVirtual, IReadOnlyList<string> owners)
    {
        if (owners.Count == 0)
        {
            return Header(isVirtual);
        }

        var quoted = owners.Select(o => "\"" + o + "\"").ToList();
        var names = quoted.Count == 1 ? quoted[0] : string.Join(", ", quoted.Take(quoted.Count - 1)) + " and " + quoted[^1];
        return $"Timeline of {names} ({(isVirtual ? "virtual" : "real")} time):";
    }

    /// <summary>What follows the header of a rendering without events.</summary>
    internal const string NoEvents = " no events";

    /// <summary>Returns whether rows name their source: when enumerations of more than one source are among the events.</summary>
    internal static bool ShowsSources(IReadOnlyList<TimelineEvent> events) =>
        events.Where(e => e.Enumeration != 0).Select(e => e.Source).Distinct(StringComparer.Ordinal).Skip(1).Any();

    /// <summary>Returns the label column of a row: <c>#1</c>, <c>orders#1</c>, a source alone, or nothing.</summary>
    internal static string Label(TimelineRow row, bool showSources) => row.Enumeration == 0
        ? (showSources ? row.Source : string.Empty)
        : (showSources ? row.Source : string.Empty) + "#" + row.Enumeration.ToString(CultureInfo.InvariantCulture);

    /// <summary>Chooses the rows to show: all, a window around the highlight, or the start and the end.</summary>
    private static IEnumerable<(int Row, string? Omitted)> Window(List<TimelineRow> rows, int highlight, int maxRows)
    {
        if (rows.Count <= maxRows)
        {
            return Enumerable.Range(0, rows.Count).Select(i => (i, (string?)null));
        }

        var parts = new List<(int, string?)>();
        if (highlight >= 0)
        {
            // One line each is spent on "earlier" and "later" notes when they are needed.
            var shown = maxRows - 2;
            var start = Math.Clamp(highlight - (shown / 2), 0, rows.Count - shown);
            if (start > 0)
            {
                parts.Add((-1, Omitted(rows, 0, start, "earlier ")));
            }

            parts.AddRange(Enumerable.Range(start, shown).Select(i => (i, (string?)null)));
            if (start + shown < rows.Count)
            {
                parts.Add((-1, Omitted(rows, start + shown, rows.Count, "later ")));
            }

            return parts;
        }

        var head = (maxRows - 1) / 2;
        var tail = maxRows - 1 - head;
        parts.AddRange(Enumerable.Range(0, head).Select(i => (i, (string?)null)));
        parts.Add((-1, Omitted(rows, head, rows.Count - tail, string.Empty)));
        parts.AddRange(Enumerable.Range(rows.Count - tail, tail).Select(i => (i, (string?)null)));
        return parts;
    }

    /// <summary>Says how many events a shortened rendering leaves out; <see cref="TimelineTables"/> reads the line back.</summary>
    private static string Omitted(List<TimelineRow> rows, int from, int to, string where)
    {
        var events = 0;
        for (var i = from; i < to; i++)
        {
            events += rows[i].EventCount;
        }

        return string.Create(CultureInfo.InvariantCulture, $"... {events} {where}event{(events == 1 ? string.Empty : "s")} left out ...");
    }
}
