using System.Globalization;

namespace AsyncEnumTesting;

/// <summary>
/// The words every failure message of the kit uses for counts of items and for exceptions, public so that an integration
/// (an assertion library, a test framework's attribute) writes them exactly as the kit does.
/// </summary>
/// <remarks>With <see cref="TimeFormat"/> for times, these are the pieces the reader, the runner's diagnoses and the
/// assertion packages share: a message reads the same whichever of them wrote it.</remarks>
public static class MessageFormat
{
    /// <summary>Says how many items: <c>1 item</c>, <c>3 items</c>, <c>0 items</c>.</summary>
    /// <param name="count">The number of items, 0 or more.</param>
    /// <returns>The count with its noun.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static string Items(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count == 1 ? "1 item" : count.ToString(CultureInfo.InvariantCulture) + " items";
    }

    /// <summary>Says how many items came before something: <c>before any item</c>, <c>after 1 item</c>, <c>after 3 items</c>.</summary>
    /// <param name="count">The number of items before it, 0 or more.</param>
    /// <returns>The phrase.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static string AfterItems(int count) => count == 0 ? "before any item" : "after " + Items(count);

    /// <summary>Names an exception by its type and message: <c>TimeoutException: The page did not come.</c></summary>
    /// <param name="exception">The exception, or <see langword="null"/> when only its existence is known.</param>
    /// <returns>The type's short name, a colon and the message; <c>an exception</c> for <see langword="null"/>.</returns>
    public static string Exception(Exception? exception) =>
        exception is null ? "an exception" : exception.GetType().Name + ": " + exception.Message;
}
