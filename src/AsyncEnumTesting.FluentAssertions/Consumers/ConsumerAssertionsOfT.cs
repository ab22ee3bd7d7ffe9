using System.Diagnostics;

#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <summary>Asserts what a consumer that returns a result did; failures show the sources' timeline.</summary>
/// <typeparam name="TResult">The type of the consumer's result.</typeparam>
/// <remarks>See <see cref="ConsumerAssertions"/> for how the consumer runs.</remarks>
/// <example><code>await summarize.Should(timeline).Return(60);</code></example>
[DebuggerNonUserCode]
public sealed class ConsumerAssertions<TResult>
{
    private readonly Func<Task<TResult>> _consumer;
    private readonly Timeline _timeline;
    private readonly string _subject;

    internal ConsumerAssertions(Func<Task<TResult>> consumer, Timeline timeline, string subject)
    {
        _consumer = consumer;
        _timeline = timeline;
        _subject = subject;
    }

    /// <summary>Asserts that the consumer completes with a result equal to <paramref name="expected"/> (a collection element by element).</summary>
    /// <param name="expected">The expected result.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A task that completes when the assertion passed, or fails with a message and the timeline.</returns>
    [StackTraceHidden]
    public async Task<AndConstraint<ConsumerAssertions<TResult>>> Return(TResult expected, string because = "", params object[] becauseArgs)
    {
        Task<TResult>? task = null;
        var (error, stall) = await ConsumerRun.RunAsync(() => task = _consumer(), _timeline).ConfigureAwait(true);
        var actual = stall ?? (error is not null
            ? "it threw " + MessageFormat.Exception(error)
            : ItemEquality<TResult>.Default.Equals(task!.Result, expected) ? null : "it returned " + Failure.Show(task.Result));
        ConsumerRun.Judge(_subject, "return " + Failure.Show(expected), actual, error, _timeline, because, becauseArgs);
        return new AndConstraint<ConsumerAssertions<TResult>>(this);
    }

    /// <summary>Asserts that the consumer runs to the end without an exception, whatever it returns.</summary>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A task that completes when the assertion passed, or fails with a message and the timeline.</returns>
    [StackTraceHidden]
    public async Task<AndConstraint<ConsumerAssertions<TResult>>> Complete(string because = "", params object[] becauseArgs)
    {
        await new ConsumerAssertions(_consumer, _timeline, _subject).Complete(because, becauseArgs).ConfigureAwait(true);
        return new AndConstraint<ConsumerAssertions<TResult>>(this);
    }

    /// <summary>Asserts that the consumer throws <typeparamref name="TException"/> (or a subtype).</summary>
    /// <typeparam name="TException">The expected exception type.</typeparam>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The exception's assertions, for <c>.WithMessage(...)</c>.</returns>
    [StackTraceHidden]
    public Task<ExceptionAssertions<TException>> Throw<TException>(string because = "", params object[] becauseArgs)
        where TException : Exception =>
        new ConsumerAssertions(_consumer, _timeline, _subject).Throw<TException>(because, becauseArgs);
}
