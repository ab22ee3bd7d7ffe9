namespace AsyncEnumTesting;

/// <summary>Gives the execution context a reader runs the source's code in: the test's own, marked as running the source.</summary>
/// <remarks>
/// Setting the mark (an <see cref="AsyncLocal{T}"/>) allocates a new <see cref="ExecutionContext"/>, which a reader used to
/// pay on every pull. The test's context only changes when the test sets an <see cref="AsyncLocal{T}"/>, so the marked
/// context is derived once per test context and reused: the source still sees every value the test set before the pull.
/// Not thread-safe: a reader pulls once at a time.
/// </remarks>
internal sealed class SourceContext
{
    private ExecutionContext? _test;
    private ExecutionContext? _marked;

    /// <summary>Returns <paramref name="test"/> marked as running the source; leaves <paramref name="test"/> current.</summary>
    /// <param name="test">The current context, from <see cref="ExecutionContext.Capture"/>.</param>
    public ExecutionContext For(ExecutionContext test)
    {
        if (!ReferenceEquals(test, _test) || _marked is null)
        {
            TestFlowWatch.RunningSource = true;
            _marked = ExecutionContext.Capture()!;
            ExecutionContext.Restore(test);
            _test = test;
        }

        return _marked;
    }
}
