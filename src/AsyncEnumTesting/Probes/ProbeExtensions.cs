namespace AsyncEnumTesting;

/// <summary>Provides <see cref="Probe{T}(IAsyncEnumerable{T}, Timeline?, string?)"/>, the way to wrap a sequence in a <see cref="Probe{T}"/>.</summary>
public static class ProbeExtensions
{
    /// <summary>Wraps <paramref name="source"/> in a probe that records every call made on it to a timeline.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="source">The sequence to observe; it is enumerated only when the probe is.</param>
    /// <param name="timeline">The timeline to record to, shared with other probes and marks; a new real-time timeline when <see langword="null"/>.</param>
    /// <param name="name">The name events carry; "source", then "source2", "source3", ... in the order probes are created on the timeline when <see langword="null"/>.</param>
    /// <returns>A probe to hand to the code under test instead of <paramref name="source"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space, or another probe on the timeline has it.</exception>
    /// <example>
    /// <code>
    /// var timeline = new Timeline(clock);
    /// var orders = Orders().Probe(timeline, "orders");
    /// await consumer.RunAsync(orders, token);
    /// Assert.Empty(orders.UndisposedEnumerations);
    /// </code>
    /// </example>
    public static Probe<T> Probe<T>(this IAsyncEnumerable<T> source, Timeline? timeline = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (name is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
        }

        timeline ??= new Timeline();
        return new Probe<T>(source, timeline, timeline.ReserveProbeName(name), named: name is not null);
    }
}
