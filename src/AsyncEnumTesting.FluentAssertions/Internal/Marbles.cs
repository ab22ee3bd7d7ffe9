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

    /// <summary>Returns what makes an expected diagram one that no rendering can produce, or <see langword="null"/>.</summary>
    /// <param name="expected">One line of marbles, or several lines, each a label, two spaces and marbles.</param>
    /// <remarks>
    /// The rendered notation: <c>-</c> an empty frame; an item's text; <c>(ab)</c> one frame; <c>|</c> completion, <c>#</c>
    /// error, <c>x</c> cancellation, <c>!</c> disposal before the end, after which nothing follows but the group's <c>)</c>.
    /// A user trial wrote <c>"a-(c"</c> and <c>"a-c-d---e|x"</c> and was only told where the actual diagram differed. Read
    /// only when the diagrams differ, and said beside the difference rather than thrown: an item's own text may hold any
    /// of these characters (a tuple's parentheses, <c>x</c> inside a word), and a diagram that matches is right whatever it holds.
    /// </remarks>
    private static string? Problem(string expected)
    {
        var lineStart = 0;
        foreach (var line in expected.Split('\n'))
        {
            var gap = line.IndexOf("  ", StringComparison.Ordinal);
            if (ProblemInLine(line, gap < 0 ? 0 : gap + 2) is { } problem)
            {
                return $"position {lineStart + problem.At + 1}: {problem.Reason}";
            }

            lineStart += line.Length + 1;
        }

        return null;
    }

    private static (int At, string Reason)? ProblemInLine(string line, int from)
    {
        var groupStart = -1;
        var end = '\0';
        for (var i = from; i < line.Length; i++)
        {
            var c = line[i];
            if (end != '\0' && !(groupStart >= 0 && c == ')'))
            {
                return (i, $"'{c}' after {Ending(end)}, nothing can follow the end of a sequence");
            }

            switch (c)
            {
                case '(' when groupStart >= 0:
                    return (i, "'(' inside a group, groups do not nest");
                case '(':
                    groupStart = i;
                    break;
                case ')' when groupStart < 0:
                    return (i, "')' without a matching '('");
                case ')':
                    groupStart = -1;
                    break;
                case '-' when groupStart >= 0:
                    return (i, "frame '-' inside a group, a group is one frame");
                case '|':
                    end = c;
                    break;
                case '#' or 'x' or '!' when Standalone(line, i):
                    end = c;
                    break;
            }
        }

        return groupStart >= 0 ? (groupStart, "'(' has no matching ')'") : null;
    }

    /// <summary>Whether the symbol at <paramref name="i"/> is a symbol of its own, not a letter of an item's text.</summary>
    private static bool Standalone(string line, int i) =>
        (i == 0 || !char.IsLetterOrDigit(line[i - 1])) && (i == line.Length - 1 || !char.IsLetterOrDigit(line[i + 1]));

    private static string Ending(char end) => end switch
    {
        '|' => "completion '|'",
        '#' => "error '#'",
        'x' => "cancellation 'x'",
        _ => "disposal '!'",
    };

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
            "            " + new string(' ', at) + "^" +
            (Problem(expected) is { } problem
                ? Environment.NewLine + "The expected diagram cannot be drawn from any enumeration, at " + problem + "."
                : string.Empty);
    }
}
