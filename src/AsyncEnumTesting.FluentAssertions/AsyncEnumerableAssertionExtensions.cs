using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.FluentAssertions;

/// <summary>Provides <c>Should()</c> for async sequences: <c>await source.Should().YieldInOrder(1, 2, 3)</c>.</summary>
[DebuggerNonUserCode]
public static class AsyncEnumerableAssertionExtensions
{
    /// <summary>Starts assertions on <paramref name="source"/>, each of which enumerates it once on real time.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="source">The sequence under test.</param>
    /// <param name="subject">The source expression, filled in by the compiler; it names the subject in messages.</param>
    /// <returns>The assertions, to be awaited.</returns>
    /// <remarks>Each wait for the next event is bounded by 5 s of real time; pass the source's clock with <see cref="Should{T}(IAsyncEnumerable{T}, TimeProvider, string)"/> when it runs on a <see cref="VirtualClock"/>.</remarks>
    /// <example><code>await Numbers().Should().YieldInOrder(1, 2, 3);</code></example>
    public static AsyncEnumerableAssertions<T> Should<T>(this IAsyncEnumerable<T> source, [CallerArgumentExpression(nameof(source))] string subject = "") =>
        new(source, subject, new Pacing(null, null));

    /// <summary>Starts assertions on <paramref name="source"/>, which runs on <paramref name="clock"/>.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="source">The sequence under test.</param>
    /// <param name="clock">The clock the source waits on; a <see cref="VirtualClock"/> is driven by the assertion while it waits.</param>
    /// <param name="subject">The source expression, filled in by the compiler; it names the subject in messages.</param>
    /// <returns>The assertions, to be awaited.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// With a <see cref="VirtualClock"/> that no <see cref="VirtualTime"/> run drives, the assertion advances it timer by
    /// timer while it waits for the next event, up to 1 h of virtual time per wait; under a run, the run moves it.
    /// Timeline rows then show virtual times.
    /// </remarks>
    /// <example><code>await Ticks(clock).Should(clock).YieldInOrder(1, 2, 3);</code></example>
    public static AsyncEnumerableAssertions<T> Should<T>(this IAsyncEnumerable<T> source, TimeProvider clock, [CallerArgumentExpression(nameof(source))] string subject = "")
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new(source, subject, new Pacing(clock, null));
    }
}
