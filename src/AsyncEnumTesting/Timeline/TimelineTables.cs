using System.Globalization;
using System.Text.RegularExpressions;

namespace AsyncEnumTesting;

/// <summary>Finds the timeline tables a failure message holds, and tells which timelines they show.</summary>
/// <remarks>
/// <para>
/// A table shows a timeline when its rows are the timeline's rows: all of them, or the first ones, as they were when the
/// message was written (a reader fails before it is disposed, and its disposal adds rows). Rows are compared as
/// <see cref="TimelineRenderer"/> writes them, setting aside what an assertion package writes its own way or a rendering
/// chooses: column padding, the notes after a row (<c>&lt;- here</c>), the items (each package formats them), and the rows
/// a long table leaves out (counted instead).
/// </para>
/// <para>
/// When in doubt a table shows nothing: a timeline written twice is better than one left out.
/// </para>
/// </remarks>
internal static partial class TimelineTables
{
    /// <summary>Stands for an item in the rows the timeline is compared with: any text matches it.</summary>
    private const string AnyItem = "\0";

    private enum Showing
    {
        Nothing,
        FirstRows,
        AllRows,
    }

    /// <summary>Returns the timelines, in their order, that no table in <paramref name="message"/> shows.</summary>
    /// <param name="message">A failure message.</param>
    /// <param name="timelines">Timelines stamped by one <see cref="VirtualClock"/>.</param>
    public static List<Timeline> NotShownIn(string message, IReadOnlyList<Timeline> timelines)
    {
        var header = TimelineRenderer.Header(isVirtual: true);
        var notShown = new List<Timeline>(timelines);
        if (!message.Contains(header, StringComparison.Ordinal))
        {
            return notShown;
        }

        var lines = message.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (Table(lines, i, header) is { } table && Shown(table, timelines) is { } shown)
            {
                notShown.Remove(shown);
            }
        }

        return notShown;
    }

    /// <summary>Returns the rows of the table whose header is line <paramref name="at"/>, none for a table without events,
    /// or <see langword="null"/> when no table starts there.</summary>
    private static List<string>? Table(string[] lines, int at, string header)
    {
        if (lines[at] == header + TimelineRenderer.NoEvents)
        {
            return [];
        }

        if (lines[at] != header)
        {
            return null;
        }

        var rows = lines.Skip(at + 1).TakeWhile(l => l.StartsWith(TimelineRenderer.Indent, StringComparison.Ordinal)).Select(Row).ToList();
        return rows.Count == 0 ? null : rows;
    }

    /// <summary>Returns the timeline the table shows: the first it shows whole, else the first whose first rows it shows.</summary>
    private static Timeline? Shown(List<string> table, IReadOnlyList<Timeline> timelines)
    {
        Timeline? firstRows = null;
        foreach (var timeline in timelines)
        {
            switch (Compare(table, timeline.Events))
            {
                case Showing.AllRows:
                    return timeline;
                case Showing.FirstRows:
                    firstRows ??= timeline;
                    break;
            }
        }

        return firstRows;
    }

    private static Showing Compare(List<string> table, IReadOnlyList<TimelineEvent> events)
    {
        if (table.Count == 0)
        {
            return events.Count == 0 ? Showing.AllRows : Showing.Nothing;
        }

        var rows = TimelineRows.Build(events, static _ => AnyItem);
        var sources = TimelineRenderer.ShowsSources(events);
        var next = 0;
        for (var i = 0; i < table.Count; i++)
        {
            if (OmittedLine().Match(table[i]) is { Success: true } omitted)
            {
                if (!int.TryParse(omitted.Groups["events"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var left))
                {
                    return Showing.Nothing;
                }

                while (left > 0 && next < rows.Count)
                {
                    left -= rows[next++].EventCount;
                }

                if (left != 0)
                {
                    return Showing.Nothing;
                }
            }
            else if (next < rows.Count && Matches(table[i], rows[next], sources))
            {
                next++;
            }
            else if (next < rows.Count && i == table.Count - 1 && rows[next].EventCount == 2
                && Matches(table[i], TimelineRows.Build([events[rows[next].FirstEvent]], static _ => AnyItem)[0], sources))
            {
                // Written while a call was pending: the table's last row is the call alone, which the timeline now folds
                // with its result.
                return Showing.FirstRows;
            }
            else
            {
                return Showing.Nothing;
            }
        }

        return next == rows.Count ? Showing.AllRows : Showing.FirstRows;
    }

    /// <summary>Returns whether a table's row is the timeline's row, an item of any rendering standing for the row's item.</summary>
    private static bool Matches(string tableRow, TimelineRow row, bool sources)
    {
        var expected = Spaces().Replace(
            string.Join(" ", TimeFormat.Elapsed(row.Time), TimelineRenderer.Label(row, sources), row.Event, row.Value), " ").Trim();
        var item = expected.IndexOf(AnyItem, StringComparison.Ordinal);
        if (item < 0)
        {
            return tableRow == expected;
        }

        var (before, after) = (expected[..item], expected[(item + AnyItem.Length)..]);
        return tableRow.Length > before.Length + after.Length
            && tableRow.StartsWith(before, StringComparison.Ordinal)
            && tableRow.EndsWith(after, StringComparison.Ordinal);
    }

    /// <summary>Returns a table's row without its notes, its words one space apart.</summary>
    private static string Row(string line)
    {
        var notes = line.IndexOf(TimelineRenderer.NoteGap, StringComparison.Ordinal);
        return Spaces().Replace(notes < 0 ? line : line[..notes], " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\.\.\. (?<events>\d+) (earlier |later )?events? left out \.\.\.$")]
    private static partial Regex OmittedLine();
}
