global using AwesomeAssertions;
global using AwesomeAssertions.Execution;
global using AwesomeAssertions.Formatting;
global using AwesomeAssertions.Primitives;
global using AwesomeAssertions.Specialized;

namespace AsyncEnumTesting.AwesomeAssertions;

/// <summary>The few calls that differ between FluentAssertions 7 and AwesomeAssertions 9: here, AwesomeAssertions 9's.</summary>
/// <remarks>
/// This package compiles the source of AsyncEnumTesting.FluentAssertions (with <c>AWESOME</c> defined, which picks the
/// namespace and the base constructors that take an <see cref="AssertionChain"/>) with this file in place of that
/// package's Flavor.cs. The global usings bring in the library's namespaces, so the shared files name none.
/// </remarks>
internal static class Flavor
{
    /// <summary>The subject named by <see cref="NameSubject"/> for the assertion running in this async flow.</summary>
    private static readonly AsyncLocal<string?> Subject = new();

    /// <summary>Fails the current assertion scope with <paramref name="message"/>, whose <c>{context:source}</c> and <c>{reason}</c> the library fills in.</summary>
    /// <remarks>
    /// AwesomeAssertions names the subject "scope name/caller", the caller found by walking the stack; after an await that
    /// walk finds the kit's own frames, not the test's line. The subject expression (or the name of the caller's own
    /// scope) alone is what FluentAssertions 7 prints, so both packages write the same messages.
    /// </remarks>
    public static void Fail(string message, string because, object[] becauseArgs)
    {
        var chain = AssertionChain.GetOrCreate();
        chain.OverrideCallerIdentifier(static () => Subject.Value ?? AssertionScope.Current.Name());
        chain.BecauseOf(because, becauseArgs).FailWith(message);
    }

    /// <summary>Returns assertions on the exception(s) an assertion found, for <c>.WithMessage(...)</c>.</summary>
    public static ExceptionAssertions<TException> Exceptions<TException>(IEnumerable<TException> exceptions)
        where TException : Exception => new(exceptions, AssertionChain.GetOrCreate());

    /// <summary>Names the subject of an async assertion in its failure messages, without walking the stack, until disposed.</summary>
    /// <param name="subject">The subject expression <c>Should()</c> captured.</param>
    /// <param name="sourceName">The name the test gave the source (a fake or a probe), if any.</param>
    /// <returns>What restores the previous name when the assertion ends, or <see langword="null"/> when the caller's own
    /// scope already names the subject or there is no subject to name.</returns>
    /// <remarks>
    /// AwesomeAssertions cannot give a scope both a name and a strategy of one's own, and needs no scope here: failures go to
    /// the caller's scope (collected) or the default one (thrown) as they are, and <see cref="Fail"/> names the subject.
    /// A named scope names the subject instead; a source the test named adds its name, as in the FluentAssertions package:
    /// <c>Expected feeds ("first") to …</c>.
    /// </remarks>
    public static IDisposable? NameSubject(string? subject, string? sourceName = null)
    {
        var scopeName = AssertionScope.Current.Name();
        if (!string.IsNullOrEmpty(scopeName))
        {
            if (sourceName is null)
            {
                return null;
            }

            subject = scopeName + " (\"" + sourceName + "\")";
        }
        else if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }

        var previous = Subject.Value;
        Subject.Value = subject;
        return new Restore(previous);
    }

    /// <summary>Puts the previous subject back.</summary>
    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Subject.Value = previous;
    }
}
