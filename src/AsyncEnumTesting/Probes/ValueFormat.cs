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
        Exception exception => Exception(exception),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? value.GetType().Name,
    };

    /// <summary>Writes an exception as its type name and message.</summary>
    public static string Exception(Exception exception) => exception.GetType().Name + ": " + exception.Message;
}
