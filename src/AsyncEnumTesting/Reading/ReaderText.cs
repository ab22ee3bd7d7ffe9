using System.Globalization;
using System.Text;

namespace AsyncEnumTesting;

/// <summary>Words and values for reader failure messages, so every message reads the same way.</summary>
internal static class ReaderText
{
    /// <summary>Builds a failure message: <c>Expected …, but ….</c>, optional advice, then the timeline.</summary>
    public static string Failure(string expected, string actual, string timeline, string? advice = null)
    {
        var text = new StringBuilder();
        text.Append("Expected ").Append(expected).Append(", but ").Append(actual);
        if (!actual.EndsWith('.'))
        {
            text.Append('.');
        }

        if (advice is not null)
        {
            text.Append(' ').Append(advice);
        }

        text.Append('\n').Append(timeline);
        return text.ToString();
    }

    /// <summary>Says that a step came after the reader was disposed, and what to do instead.</summary>
    /// <param name="member">The step, for example <c>AwaitItemAsync</c>.</param>
    /// <param name="name">The name the reader records the sequence under.</param>
    public static string Disposed(string member, string name) =>
        $"{member} was called on the reader of \"{name}\" after the reader was disposed. Take every step before disposing it " +
        "(inside its await using block), or open a new reader with OpenReader to read the sequence again.";

    /// <summary>Says how messages call a sequence: <c>the sequence</c>, or <c>"orders"</c> when the test named it.</summary>
    public static string Subject(string? name) => name is null ? "the sequence" : "\"" + name + "\"";

    /// <summary>Formats items as <c>[1, 2, 3]</c>.</summary>
    public static string Values<T>(IEnumerable<T> values) => "[" + string.Join(", ", values.Select(v => ValueFormat.Format(v))) + "]";

    /// <summary>Says what an event was, as the sequence's act: <c>yielded 3</c>, <c>completed</c>, <c>failed with …</c>.</summary>
    public static string Act<T>(ReaderEvent<T> e) => e.Kind switch
    {
        ReaderEventKind.Item => "yielded " + ValueFormat.Format(e.Item),
        ReaderEventKind.Completed => "completed",
        ReaderEventKind.Failed => "failed with " + MessageFormat.Exception(e.Error!),
        ReaderEventKind.Canceled => "stopped after cancellation",
        _ => e.Detail ?? "did nothing",
    };

    /// <summary>Describes what came instead of the expected event: <c>the sequence completed after 2 items</c>.</summary>
    /// <param name="subject">How messages call the sequence: <c>the sequence</c>, or its quoted name.</param>
    /// <param name="e">The event that came.</param>
    /// <param name="when">Where a failure sits on the timeline, for example <c>at 00:05.000 (…)</c>; <see langword="null"/> to leave it out.</param>
    public static string Came<T>(string subject, ReaderEvent<T> e, string? when = null) => e.Kind switch
    {
        ReaderEventKind.Nothing => e.Detail!,
        ReaderEventKind.Item => subject + " " + Act(e),
        _ => subject + " " + Ended(e, when),
    };

    /// <summary>Says how a sequence ended and when: <c>completed after 2 items</c>, <c>failed after 1 item with …</c>.</summary>
    /// <remarks>The exception goes last, so its own message (which may end in a period) closes the sentence.</remarks>
    /// <param name="e">The end.</param>
    /// <param name="when">Where a failure sits on the timeline, for example <c>at 00:05.000 (…)</c>; <see langword="null"/> to leave it out.</param>
    public static string Ended<T>(ReaderEvent<T> e, string? when = null) => e.Kind == ReaderEventKind.Failed
        ? "failed " + MessageFormat.AfterItems(e.ItemsBefore) + (when is null ? string.Empty : ", " + when + ",") + " with " + MessageFormat.Exception(e.Error!)
        : Act(e) + " " + MessageFormat.AfterItems(e.ItemsBefore);

    /// <summary>Relates a failure to the stream's history: <c>at 00:05.000 (00:04.000 after item [0], 00:05.000 into the stream)</c>.</summary>
    /// <remarks>A timeout that fires on a whole-stream deadline shows itself here: the gap is short, the stream long.</remarks>
    public static string When(TimeSpan failedAt, TimeSpan? previousItemAt, int previousItem, TimeSpan startedAt) =>
        "at " + TimeFormat.Elapsed(failedAt) + " (" +
        (previousItemAt is { } at ? $"{TimeFormat.Elapsed(failedAt - at)} after item [{previousItem}], " : string.Empty) +
        $"{TimeFormat.Elapsed(failedAt - startedAt)} into the stream)";
}
