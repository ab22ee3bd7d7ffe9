using System.Diagnostics;
using System.Runtime.CompilerServices;

#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <summary>Provides <c>Should()</c> for async sequences: <c>await source.Should().YieldInOrder(1, 2, 3)</c>.</summary>
[DebuggerNonUserCode]
public static class AsyncEnumerableAssertionExtensions
{
    /// <summary>Starts assertions on <paramref name="source"/>, each of which enumerates it once on real time.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="source">The sequence under test.</param>
    /// <param name="subject">The source expression, filled in by the compiler; it names the subject in messages.</param>
    /// <returns>The assertions, to be awaited.</returns>
    /// <remarks>A fake sequence or probe made with a <see cref="VirtualClock"/> brings its clock along. Otherwise each wait for the next event is bounded by 5 s of real time; pass the source's clock with <see cref="Should{T}(IAsyncEnumerable{T}, TimeProvider, string)"/> when it runs on a <see cref="VirtualClock"/>.</remarks>
    /// <example><code>await Numbers().Should().YieldInOrder(1, 2, 3);</code></example>
    public static AsyncEnumerableAssertions<T> Should<T>(this IAsyncEnumerable<T> source, [CallerArgumentExpression(nameof(source))] string subject = "") =>
        new(source, subject, new Pacing(source is null ? null : FakeSequence.ClockOf(source), null));

    /// <summary>Starts assertions on <paramref name="source"/>, which runs on <paramref name="clock"/>.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="source">The sequence under test.</param>
    /// <param name="clock">The clock the source waits on; a <see cref="VirtualClock"/> is driven by the assertion while it waits.</param>
    /// <param name="subject">The source expression, filled in by the compiler; it names the subject in messages.</param>
    /// <returns>The assertions, to be awaited.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="clock"/> is neither a <see cref="VirtualClock"/> nor <see cref="TimeProvider.System"/>
    /// (a <c>FakeTimeProvider</c>, say): the assertion could not move it; or <paramref name="source"/> is a fake (or a probe over
    /// one) created with another <see cref="VirtualClock"/>, or with one while <paramref name="clock"/> is
    /// <see cref="TimeProvider.System"/>: pass the fake's clock. The message says what to do instead.</exception>
    /// <remarks>
    /// With a <see cref="VirtualClock"/> that no <see cref="VirtualTime"/> run drives, the assertion advances it timer by
    /// timer while it waits for the next event, up to 1 h of virtual time per wait; under a run, the run moves it.
    /// Timeline rows then show virtual times.
    /// </remarks>
    /// <example><code>await Ticks(clock).Should(clock).YieldInOrder(1, 2, 3);</code></example>
    public static AsyncEnumerableAssertions<T> Should<T>(this IAsyncEnumerable<T> source, TimeProvider clock, [CallerArgumentExpression(nameof(source))] string subject = "")
    {
        return new(source, subject, new Pacing(ClockCheck.Drivable(source, clock, nameof(clock)), null));
    }

    /// <summary>Starts assertions on what <paramref name="probe"/> recorded (disposal, enumerations, tokens, protocol, timing).</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="probe">The probe, after the code under test ran.</param>
    /// <param name="subject">The probe expression, filled in by the compiler; it names the subject in messages.</param>
    /// <returns>The probe's assertions; to enumerate the probe instead, use <see cref="ProbeAssertions{T}.Enumerating"/>.</returns>
    /// <remarks>A probe is also an <see cref="IAsyncEnumerable{T}"/>; this more specific overload wins, so <c>probe.Should()</c> checks the record.</remarks>
    /// <example><code>orders.Should().BeDisposedAfter(2).And.HaveNoProtocolViolations();</code></example>
    public static ProbeAssertions<T> Should<T>(this Probe<T> probe, [CallerArgumentExpression(nameof(probe))] string subject = "") => new(probe, subject);

    /// <summary>Starts assertions on what <paramref name="timeline"/> recorded: order of events across probes and marks, whole logs, marbles.</summary>
    /// <param name="timeline">The timeline, after the code under test ran.</param>
    /// <param name="subject">The timeline expression, filled in by the compiler; it names the subject in messages.</param>
    /// <returns>The timeline's assertions.</returns>
    /// <example><code>timeline.Should().HaveInOrder(e =&gt; e.Source == "inner" &amp;&amp; e.Kind == TimelineEventKind.Disposed, e =&gt; e.Kind == TimelineEventKind.Mark);</code></example>
    public static TimelineAssertions Should(this Timeline timeline, [CallerArgumentExpression(nameof(timeline))] string subject = "") => new(timeline, subject);

    /// <summary>Starts assertions on a consumer: code that reads async sequences recorded on <paramref name="timeline"/>.</summary>
    /// <param name="consumer">The consumer, run when an assertion is awaited.</param>
    /// <param name="timeline">The timeline its sources (probes) and marks write to; failures print it, and its clock bounds the run.</param>
    /// <param name="subject">The consumer expression, filled in by the compiler; it names the subject in messages.</param>
    /// <returns>The consumer's assertions, to be awaited.</returns>
    /// <example><code>await (() => service.CopyAsync(rows, sink)).Should(timeline).Throw&lt;IOException&gt;();</code></example>
    public static ConsumerAssertions Should(this Func<Task> consumer, Timeline timeline, [CallerArgumentExpression(nameof(consumer))] string subject = "")
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(timeline);
        return new(consumer, timeline, subject);
    }

    /// <summary>Starts assertions on a consumer that returns a result, reading async sequences recorded on <paramref name="timeline"/>.</summary>
    /// <typeparam name="TResult">The type of the consumer's result.</typeparam>
    /// <param name="consumer">The consumer, run when an assertion is awaited.</param>
    /// <param name="timeline">The timeline its sources (probes) and marks write to; failures print it, and its clock bounds the run.</param>
    /// <param name="subject">The consumer expression, filled in by the compiler; it names the subject in messages.</param>
    /// <returns>The consumer's assertions, to be awaited.</returns>
    /// <example><code>await (() => OrderSummary.TotalAsync(orders)).Should(timeline).Return(60);</code></example>
    public static ConsumerAssertions<TResult> Should<TResult>(this Func<Task<TResult>> consumer, Timeline timeline, [CallerArgumentExpression(nameof(consumer))] string subject = "")
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(timeline);
        return new(consumer, timeline, subject);
    }
}
