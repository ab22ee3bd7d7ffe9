namespace AsyncEnumTesting;

/// <content>Finding the name the test gave a source, looking through probes to the fake beneath.</content>
public static partial class FakeSequence
{
    /// <summary>Returns the name the test gave <paramref name="source"/>: a probe's own, or that of the fake beneath probes it did not name.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="source">The sequence a message is about to name.</param>
    /// <returns>The name, or <see langword="null"/> when <paramref name="source"/> is neither a probe nor a fake, or when the
    /// test named neither it nor the fake beneath it (a default name such as "source" or "scripted" is no name the test gave).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Messages name a source by it: the reader (<c>Expected "orders" to complete</c>) and the assertion packages inside a
    /// named <c>AssertionScope</c>. It is public so that an integration for another assertion library names sources the
    /// same way.
    /// </remarks>
    /// <example><code>var subject = FakeSequence.NameOf(source) is { } name ? $"\"{name}\"" : "the sequence";</code></example>
    public static string? NameOf<T>(IAsyncEnumerable<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        while (true)
        {
            switch (source)
            {
                case Probe<T> { IsNamed: true } probe:
                    return probe.Name;
                case Probe<T> probe:
                    source = probe.Source;
                    break;
                case ScriptedSequence<T> scripted:
                    return scripted.Recorder.GivenName;
                case DrivenSequence<T> driven:
                    return driven.Recorder.GivenName;
                default:
                    return null;
            }
        }
    }

    /// <summary>Returns the sequence beneath any probes: the fake (or other source) the probes wrap.</summary>
    internal static IAsyncEnumerable<T> Beneath<T>(IAsyncEnumerable<T> source)
    {
        while (source is Probe<T> probe)
        {
            source = probe.Source;
        }

        return source;
    }
}
