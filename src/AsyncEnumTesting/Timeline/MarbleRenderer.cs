using System.Globalization;
using System.Text;

namespace AsyncEnumTesting;

/// <summary>Renders enumerations as marble lines, in the notation of the marble fakes.</summary>
internal static class MarbleRenderer
{
    public static string Render(IReadOnlyList<TimelineEvent> events, TimeSpan frame, Func<object?, string>? formatValue)
    {
        formatValue ??= static v => v switch
        {
            null => "null",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString() ?? string.Empty,
        };

        var streams = events.Where(e => e.Enumeration != 0).Select(e => (e.Source, e.Enumeration)).Distinct().ToList();
        var labels = streams.ConvertAll(s => s.Source + "#" + s.Enumeration.ToString(CultureInfo.InvariantCulture));
        var width = labels.Count == 0 ? 0 : labels.Max(l => l.Length);
        var lines = new List<string>(streams.Count);
        for (var i = 0; i < streams.Count; i++)
        {
            var (source, enumeration) = streams[i];
            var mine = events.Where(e => e.Enumeration == enumeration && string.Equals(e.Source, source, StringComparison.Ordinal)).ToList();
            lines.Add(labels[i].PadRight(width) + "  " + Line(mine, frame, formatValue));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Line(List<TimelineEvent> events, TimeSpan frame, Func<object?, string> formatValue)
    {
        var ended = events.Any(e => e.Kind is TimelineEventKind.Completed or TimelineEventKind.Faulted or TimelineEventKind.Canceled);
        var symbols = new Dictionary<long, List<string>>();
        foreach (var e in events)
        {
            var symbol = e.Kind switch
            {
                TimelineEventKind.Yielded => formatValue(e.Value),
                TimelineEventKind.Completed => "|",
                TimelineEventKind.Faulted => "#",
                TimelineEventKind.Canceled => "x",
                TimelineEventKind.Disposed when !ended => "!",
                _ => null,
            };
            if (symbol is not null)
            {
                var at = e.Time.Ticks / frame.Ticks;
                if (!symbols.TryGetValue(at, out var group))
                {
                    symbols.Add(at, group = []);
                }

                group.Add(symbol);
            }
        }

        var start = events.Count == 0 ? 0 : events.Min(e => e.Time.Ticks) / frame.Ticks;
        var end = symbols.Count == 0 ? start - 1 : symbols.Keys.Max();
        var line = new StringBuilder(new string(' ', (int)start));
        for (var f = start; f <= end; f++)
        {
            if (!symbols.TryGetValue(f, out var group))
            {
                line.Append('-');
            }
            else
            {
                line.Append(group.Count == 1 ? group[0] : "(" + string.Concat(group) + ")");
            }
        }

        return line.ToString().TrimEnd();
    }
}
