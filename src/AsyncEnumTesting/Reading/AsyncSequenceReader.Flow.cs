using System.Runtime.ExceptionServices;

namespace AsyncEnumTesting;

/// <content>Noticing that the test failed between reader calls, so that disposing the reader does not hide that failure.</content>
/// <remarks>
/// <c>await using</c> lets an exception thrown by <c>DisposeAsync</c> replace the one already on its way out: a strictness
/// failure ("item 3 was not consumed") would hide the assertion that really failed ("expected 2 but found 3"). The
/// reader watches first-chance exceptions thrown in the test's own async flow (not in the source's code) after its last
/// call; when there was one, disposing only cleans up.
/// </remarks>
public sealed partial class AsyncSequenceReader<T>
{
    /// <summary>Marks the test's async flow; every reader opened in it shares the marker.</summary>
    private static readonly AsyncLocal<object?> TestFlow = new();

    /// <summary>Set while the reader runs the source's code, whose exceptions are events, not test failures.</summary>
    private static readonly AsyncLocal<bool> InSource = new();

    private object? _flow;
    private int _thrownAfterLastCall;

    private void WatchTestFlow()
    {
        _flow = TestFlow.Value ??= new object();
        AppDomain.CurrentDomain.FirstChanceException += OnFirstChanceException;
    }

    private void UnwatchTestFlow() => AppDomain.CurrentDomain.FirstChanceException -= OnFirstChanceException;

    private void OnFirstChanceException(object? sender, FirstChanceExceptionEventArgs e)
    {
        if (!InSource.Value && ReferenceEquals(TestFlow.Value, _flow))
        {
            Volatile.Write(ref _thrownAfterLastCall, 1);
        }
    }

    /// <summary>Gets a value indicating whether the test threw something since the reader's last call ended.</summary>
    private bool TestThrewAfterLastCall => Volatile.Read(ref _thrownAfterLastCall) != 0;

    /// <summary>Forgets exceptions seen so far; called when a reader call ends.</summary>
    private void ForgetThrown() => Volatile.Write(ref _thrownAfterLastCall, 0);

    /// <summary>Marks the current async method as running the source's code.</summary>
    private static void EnterSource() => InSource.Value = true;
}
