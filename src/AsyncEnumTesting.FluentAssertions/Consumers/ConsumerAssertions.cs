using System.Diagnostics;

#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <summary>Asserts what a consumer (code that reads async sequences) did: completed, threw, returned; failures show the sources' timeline.</summary>
/// <remarks>
/// The consumer runs when the assertion is awaited. With a <see cref="VirtualClock"/> on the timeline that no
/// <see cref="VirtualTime"/> run drives, the assertion advances it while it waits; every wait is bounded, so a stuck
/// consumer fails with a diagnosis instead of hanging. Each failure prints the timeline of the sources the consumer read
/// (probes and marks on <c>timeline</c>), so the cause is in the message, not only in the test output.
/// </remarks>
/// <example><code>await consumer.Should(timeline).Throw&lt;IOException&gt;();</code></example>
[DebuggerNonUserCode]
public sealed class ConsumerAssertions
{
    private readonly Func<Task> _consumer;
    private readonly Timeline _timeline;
    private readonly string _subject;

    internal ConsumerAssertions(Func<Task> consumer, Timeline timeline, string subject)
    {
        _consumer = consumer;
        _timeline = timeline;
        _subject = subject;
    }

    /// <summary>Asserts that the consumer runs to the end without an exception.</summary>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A task that completes when the assertion passed, or fails with a message and the timeline.</returns>
    [StackTraceHidden]
    public async Task<AndConstraint<ConsumerAssertions>> Complete(string because = "", params object[] becauseArgs)
    {
        var (error, stall) = await ConsumerRun.RunAsync(_consumer, _timeline).ConfigureAwait(true);
        var actual = stall ?? (error is null ? null : "it threw " + MessageFormat.Exception(error));
        ConsumerRun.Judge(_subject, "complete", actual, error, _timeline, because, becauseArgs);
        return new AndConstraint<ConsumerAssertions>(this);
    }

    /// <summary>Asserts that the consumer throws <typeparamref name="TException"/> (or a subtype).</summary>
    /// <typeparam name="TException">The expected exception type.</typeparam>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The exception's assertions, for <c>.WithMessage(...)</c>.</returns>
    [StackTraceHidden]
    public async Task<ExceptionAssertions<TException>> Throw<TException>(string because = "", params object[] becauseArgs)
        where TException : Exception
    {
        var (error, stall) = await ConsumerRun.RunAsync(_consumer, _timeline).ConfigureAwait(true);
        var actual = stall ?? error switch
        {
            null => "it completed without an exception" + Swallowed.Clause(_timeline, "the consumer"),
            TException => null,
            _ => "it threw " + MessageFormat.Exception(error),
        };
        ConsumerRun.Judge(_subject, "throw " + typeof(TException).Name, actual, error, _timeline, because, becauseArgs);
        return Flavor.Exceptions<TException>(error is TException expected ? [expected] : []);
    }
}
