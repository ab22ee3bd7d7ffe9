using FluentAssertions.Execution;

namespace AsyncEnumTesting.FluentAssertions;

/// <summary>Names the subject of an async assertion in its failure messages, without walking the stack.</summary>
/// <remarks>
/// FluentAssertions finds <c>{context}</c> by reading the caller's source line from the stack. After an <c>await</c> the
/// test method is no longer on the stack, so the walk would find our own code (or nothing). The subject expression
/// captured by <c>Should()</c> is used instead, in a scope that forwards each failure to the scope that was current
/// when the assertion started: the caller's <see cref="AssertionScope"/> collects it; without one it throws at once.
/// </remarks>
internal sealed class SubjectScope : IDisposable
{
    private readonly AssertionScope? _scope;

    private SubjectScope(AssertionScope? scope) => _scope = scope;

    /// <summary>Opens a scope naming <paramref name="subject"/>, unless the caller's own scope already names one.</summary>
    public static SubjectScope Open(string? subject)
    {
        var outer = AssertionScope.Current;
        if (outer.Context is not null)
        {
            return new SubjectScope(null);
        }

        var scope = new AssertionScope(new ForwardingStrategy(outer));
        if (!string.IsNullOrWhiteSpace(subject))
        {
            scope.Context = new Lazy<string>(() => subject);
        }

        return new SubjectScope(scope);
    }

    /// <inheritdoc />
    public void Dispose() => _scope?.Dispose();

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
