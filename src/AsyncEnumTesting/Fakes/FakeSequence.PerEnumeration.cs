namespace AsyncEnumTesting;

/// <content>A source whose enumerations differ: the first fails, the next ones work.</content>
public static partial class FakeSequence
{
    /// <summary>
    /// Creates a source whose first enumeration reads <paramref name="first"/>, whose second reads the next of
    /// <paramref name="then"/>, and so on; every enumeration after the last sequence reads the last one again.
    /// </summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="first">What the first <c>GetAsyncEnumerator</c> reads.</param>
    /// <param name="then">What the following ones read, in order; the last one serves every later enumeration too.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="first"/>, <paramref name="then"/> or one of its sequences is <see langword="null"/>.</exception>
    /// <remarks>
    /// For code that enumerates a source again after a failure (a retry, a reconnect): a transient fault that fails twice
    /// and then works is two failing scripts and a working one. Each sequence keeps its own name, clock and timeline, so
    /// the timeline shows which enumeration read which; enumerations are handed out in the order their
    /// <c>GetAsyncEnumerator</c> calls arrive, one atomic step each.
    /// </remarks>
    /// <example>
    /// <code>
    /// var pages = FakeSequence.PerEnumeration(
    ///     FakeSequence.Script&lt;Row&gt;(clock, "try 1").Wait(TimeSpan.FromSeconds(1)).Fail(new IOException("reset")),
    ///     FakeSequence.Script&lt;Row&gt;(clock, "try 2").Wait(TimeSpan.FromSeconds(1)).Fail(new IOException("reset")),
    ///     FakeSequence.Script&lt;Row&gt;(clock, "try 3").Yield(row));
    /// </code>
    /// </example>
    public static IAsyncEnumerable<T> PerEnumeration<T>(IAsyncEnumerable<T> first, params IAsyncEnumerable<T>[] then)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(then);
        for (var i = 0; i < then.Length; i++)
        {
            if (then[i] is null)
            {
                throw new ArgumentNullException(nameof(then), $"Sequence {i + 2} (then[{i}]) is null: give every enumeration a sequence to read.");
            }
        }

        return new EnumerationTurns<T>([first, .. then]);
    }
}
