using System.Collections;
using System.Globalization;

namespace AsyncEnumTesting;

/// <summary>Writes items and exceptions the same way in every rendering and message.</summary>
internal static class ValueFormat
{
    /// <summary>Writes a value so that its type shows: strings quoted, chars in single quotes, numbers invariant.</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        string text => "\"" + text + "\"",
        char c => "'" + c + "'",
        bool b => b ? "true" : "false",
        Exception exception => MessageFormat.Exception(exception),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => Collection(items),
        _ => value.ToString() ?? value.GetType().Name,
    };

    /// <summary>Writes an exception for a timeline row: a long message is cut after its first sentence, since the failure's first line already holds it whole.</summary>
    public static string ExceptionInRow(Exception exception) => exception.GetType().Name + ": " + InRow(exception.Message);

    /// <summary>Cuts a long text (an exception message, a violation) after its first sentence, for one row of a timeline.</summary>
    /// <remarks>The whole text stays in the exception, in <c>Probe.Violations</c> and in the failure's first line.</remarks>
    public static string InRow(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return text.Length <= MaxRowMessage || end < 0 ? text : text[..(end + 1)] + " …";
    }

    /// <summary>Writes a collection item (a batch, a page) by its elements, at most <see cref="MaxElements"/> of them.</summary>
    private static string Collection(IEnumerable items)
    {
        var parts = new List<string>();
        var count = 0;
        foreach (var item in items)
        {
            if (++count <= MaxElements)
            {
                parts.Add(Format(item));
            }
        }

        var more = count > MaxElements ? $", … ({count - MaxElements} more)" : string.Empty;
        return "[" + string.Join(", ", parts) + more + "]";
    }

    private const int MaxElements = 10;

    /// <summary>The longest exception message a timeline row shows whole.</summary>
    private const int MaxRowMessage = 100;
}
