global using FluentAssertions;
global using FluentAssertions.Execution;
global using FluentAssertions.Formatting;
global using FluentAssertions.Primitives;
global using FluentAssertions.Specialized;

namespace AsyncEnumTesting.FluentAssertions;

/// <summary>The few calls that differ between FluentAssertions 7 and AwesomeAssertions 9: here, FluentAssertions 7's.</summary>
/// <remarks>
/// Every other file of this package is compiled twice: here against FluentAssertions, and by AsyncEnumTesting.AwesomeAssertions
/// (with <c>AWESOME</c> defined, which picks the namespace and the base constructors) against AwesomeAssertions, with that
/// project's Flavor.cs in place of this one. The global usings bring in the library's namespaces, so the shared files name none.
/// </remarks>
internal static class Flavor
{
    /// <summary>Fails the current assertion scope with <paramref name="message"/>, whose <c>{context:source}</c> and <c>{reason}</c> the library fills in.</summary>
    public static void Fail(string message, string because, object[] becauseArgs) =>
        Execute.Assertion.BecauseOf(because, becauseArgs).FailWith(message);

    /// <summary>Returns assertions on the exception(s) an assertion found, for <c>.WithMessage(...)</c>.</summary>
    public static ExceptionAssertions<TException> Exceptions<TException>(IEnumerable<TException> exceptions)
        where TException : Exception => new(exceptions);

    /// <summary>Names the subject of an async assertion in its failure messages, without walking the stack, until disposed.</summary>
    /// <param name="subject">The subject expression <c>Should()</c> captured.</param>
    /// <param name="sourceName">The name the test gave the source (a fake or a probe), if any.</param>
    /// <returns>The scope to dispose when the assertion ends, or <see langword="null"/> when the caller's own scope already names the subject.</returns>
    /// <remarks>
    /// <para>
    /// FluentAssertions finds <c>{context}</c> by reading the caller's source line from the stack. After an <c>await</c> the
    /// test method is no longer on the stack, so the walk would find our own code (or nothing). The subject expression
    /// captured by <c>Should()</c> is used instead, in a scope that forwards each failure to the scope that was current
    /// when the assertion started: the caller's <see cref="AssertionScope"/> collects it; without one it throws at once.
    /// </para>
    /// <para>
    /// A named scope (<c>new AssertionScope("feeds")</c>) names the subject instead, as FluentAssertions does. The sources in
    /// it would all read alike, so a source the test named adds its name: <c>Expected feeds ("first") to …</c>.
    /// </para>
    /// </remarks>
    public static IDisposable? NameSubject(string? subject, string? sourceName = null)
    {
        var outer = AssertionScope.Current;
        if (outer.Context is { } scopeName)
        {
            return sourceName is null
                ? null
                : new AssertionScope(new ForwardingStrategy(outer)) { Context = new Lazy<string>(() => Within(scopeName.Value, sourceName)) };
        }

        var scope = new AssertionScope(new ForwardingStrategy(outer));
        if (!string.IsNullOrWhiteSpace(subject))
        {
            scope.Context = new Lazy<string>(() => subject);
        }

        return scope;
    }

    /// <summary>Names a source inside a named scope: <c>feeds ("first")</c>.</summary>
    private static string Within(string scopeName, string sourceName) => scopeName + " (\"" + sourceName + "\")";

    /// <summary>Hands every failure straight to the outer scope, so collecting and throwing behave as the caller chose.</summary>
    private sealed class ForwardingStrategy(AssertionScope outer) : IAssertionStrategy
    {
        public IEnumerable<string> FailureMessages => [];

        public void HandleFailure(string message) => outer.AddPreFormattedFailure(message);

        public IEnumerable<string> DiscardFailures() => [];

        public void ThrowIfAny(IDictionary<string, object> context)
        {
        }
    }
}
