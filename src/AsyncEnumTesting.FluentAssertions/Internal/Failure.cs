using System.Text.RegularExpressions;

#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <summary>Says what went wrong in one assertion: the actual half of its message and the timeline row to mark.</summary>
/// <param name="Actual">What happened instead, completing "but …", for example <c>item [2] was 4</c>.</param>
/// <param name="MarkIndex">The index of the timeline event to mark, or -1.</param>
/// <param name="Mark">The note next to the marked row, for example <c>differs from 3</c>.</param>
/// <param name="Cause">The source's exception that caused the failure, printed in full after the timeline.</param>
/// <param name="Notes">Further notes by event index, for verdicts that point at several rows.</param>
/// <param name="CauseOwner">Whose exception <paramref name="Cause"/> is, for its heading: the source's, or the consumer's.</param>
internal sealed record Verdict(
    string Actual, int MarkIndex = -1, string? Mark = null, Exception? Cause = null, IReadOnlyDictionary<int, string>? Notes = null, string CauseOwner = "source");

/// <summary>Writes every failure message of the package: one shape, one place.</summary>
/// <remarks>
/// Shape: <c>Expected {context:source} to {expectation}{reason}, but {actual}.</c>, then the timeline table, then
/// the source's exception with its stack trace when one caused the failure. Everything but the two placeholders is
/// escaped, so braces in items or exception messages reach the reader unchanged.
/// </remarks>
internal static partial class Failure
{
    /// <summary>Fails the current assertion scope with a message of <paramref name="verdict"/> on <paramref name="events"/>.</summary>
    public static void Fail(string expectation, Verdict verdict, IReadOnlyList<TimelineEvent> events, bool virtualTime, string because, object[] becauseArgs)
    {
        var message = Build(expectation, verdict, events, virtualTime);
        Flavor.Fail(message, because, becauseArgs);
    }

    /// <summary>Fails the current assertion scope with a message of <paramref name="verdict"/> on <paramref name="timeline"/>.</summary>
    public static void Fail(string expectation, Verdict verdict, Timeline timeline, string because, object[] becauseArgs) =>
        Fail(expectation, verdict, timeline.Events, timeline.Clock is VirtualClock, because, becauseArgs);

    /// <summary>Builds the message with its <c>{context:source}</c> and <c>{reason}</c> placeholders still in place.</summary>
    public static string Build(string expectation, Verdict verdict, IReadOnlyList<TimelineEvent> events, bool virtualTime)
    {
        var options = new TimelineRenderOptions
        {
            HighlightIndex = verdict.MarkIndex >= 0 ? verdict.MarkIndex : null,
            HighlightNote = verdict.Mark,
            FormatValue = Show,
            Notes = verdict.Notes,
        };
        var message = "Expected {context:source} to " + Escape(expectation) + "{reason}, but " + Escape(verdict.Actual) +
            (verdict.Actual.Contains('\n', StringComparison.Ordinal) || verdict.Actual.EndsWith('.') ? string.Empty : ".") +
            Environment.NewLine + Escape(TimelineRenderer.Render(events, virtualTime, options).ReplaceLineEndings());
        if (verdict.Cause is not null)
        {
            message += Environment.NewLine + $"The {verdict.CauseOwner}'s exception:" + Environment.NewLine + Escape(verdict.Cause.ToString());
        }

        return message;
    }

    /// <summary>Formats a value as FluentAssertions does: <c>4</c>, <c>"a"</c>, <c>{1, 2, 3}</c>; a char quoted as the core's timeline does: <c>'a'</c>.</summary>
    /// <remarks>
    /// One line always: a row of the timeline or a clause of the message must not break. Chars are quoted inside collections
    /// too, and so are the chars of a collection of char collections (the expected batches of a message: <c>{{'a', 'b'}}</c>),
    /// so the expected side of a message reads like the actual items.
    /// </remarks>
    public static string Show(object? value) => value switch
    {
        char c => Quote(c),
        IEnumerable<char> chars and not string => Braced(chars, Quote),
        IEnumerable<IEnumerable<char>> nested and not IEnumerable<string> => Braced(nested, Show),
        _ => OneLineBreaks().Replace(Formatter.ToString(value, OneLine), " ").Trim(),
    };

    /// <summary>Formats the first <see cref="MaxShown"/> elements in braces, with a count of the rest.</summary>
    private static string Braced<TElement>(IEnumerable<TElement> elements, Func<TElement, string> show) =>
        "{" + string.Join(", ", elements.Take(MaxShown).Select(show)) +
        (elements.Count() > MaxShown ? $", …{elements.Count() - MaxShown} more…" : string.Empty) + "}";

    /// <summary>Quotes a char as the core's timeline rows do: <c>'a'</c>.</summary>
    private static string Quote(char c) => "'" + c + "'";

    [GeneratedRegex(@"\r?\n\s*")]
    private static partial Regex OneLineBreaks();

    private const int MaxShown = 32;

    private static readonly FormattingOptions OneLine = new() { UseLineBreaks = false };

    /// <summary>Says that item [<paramref name="index"/>] differs from the expected one; when both render alike, says that they only look equal and how to compare them.</summary>
    public static Verdict ItemDiffers(int index, object? actual, object? expected, int markIndex)
    {
        var shown = Show(actual);
        if (shown != Show(expected))
        {
            return new Verdict($"item [{index}] was {shown}", markIndex, "differs from " + Show(expected));
        }

        var type = actual?.GetType().Name ?? "null";
        return new Verdict(
            $"item [{index}] was {shown}, which renders like the expected item but is not equal to it: {type}.Equals compares something " +
            "the rendering does not show (a reference, a hidden field). Pass a comparer, YieldInOrder(expected, comparer), or give the " +
            "type value equality (a record)",
            markIndex,
            "not equal to the expected " + shown + ", though it renders the same");
    }

    /// <summary>Names the event at <paramref name="index"/> as its timeline row shows it: <c>#1 DisposeAsync at 00:00.100</c>.</summary>
    public static string Event(IReadOnlyList<TimelineEvent> events, int index) => TimelineRenderer.Describe(events, index, Show);

    private static string Escape(string text) => text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}
