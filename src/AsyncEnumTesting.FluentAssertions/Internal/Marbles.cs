#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <summary>Compares an expected marble diagram with the one rendered from what happened.</summary>
internal static class Marbles
{
    /// <summary>Renders the marbles of <paramref name="source"/>'s enumeration <paramref name="enumeration"/>, without the label.</summary>
    public static string Of(IReadOnlyList<TimelineEvent> events, string source, int enumeration, TimeSpan frame)
    {
        var mine = events.Where(e => e.Enumeration == enumeration && string.Equals(e.Source, source, StringComparison.Ordinal)).ToList();
        var line = TimelineRenderer.RenderMarbles(mine, frame);
        var gap = line.IndexOf("  ", StringComparison.Ordinal);
        return gap < 0 ? string.Empty : line[(gap + 2)..];
    }

    /// <summary>Returns <see langword="null"/> when the diagrams match (frames are counted when <paramref name="frame"/> is given), else the verdict text with both diagrams aligned.</summary>
    public static string? Compare(string expected, string actual, TimeSpan? frame)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return null;
        }

        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        var where = frame is { } f ? $"from frame {at} ({TimeFormat.Elapsed(f * at)})" : $"at character {at}";
        return $"it produced \"{actual}\", which differs {where} on:" + Environment.NewLine +
            "  expected: " + expected + Environment.NewLine +
            "  actual:   " + actual + Environment.NewLine +
            "            " + new string(' ', at) + "^";
    }
}
