namespace AsyncEnumTesting;

/// <content>Noticing that the test failed between reader calls, so that disposing the reader does not hide that failure.</content>
/// <remarks>
/// <c>await using</c> lets an exception thrown by <c>DisposeAsync</c> replace the one already on its way out: a strictness
/// failure ("item 3 was not consumed") would hide the assertion that really failed ("expected 2 but found 3"). The
/// reader compares the count of exceptions thrown in the test's own async flow (not in the source's code, see
/// <see cref="TestFlowWatch"/>) with the count when its last call ended; when the test threw since, disposing only cleans up.
/// </remarks>
public sealed partial class AsyncSequenceReader<T>
{
    private TestFlowWatch.Flow _flow = null!;
    private int _thrownAtLastCall;

    private void WatchTestFlow()
    {
        _flow = TestFlowWatch.Join();
        ForgetThrown();
    }

    /// <summary>Gets a value indicating whether the test threw something since the reader's last call ended.</summary>
    private bool TestThrewAfterLastCall => Volatile.Read(ref _flow.Thrown) != Volatile.Read(ref _thrownAtLastCall);

    /// <summary>Forgets exceptions seen so far; called when a reader call ends.</summary>
    private void ForgetThrown() => Volatile.Write(ref _thrownAtLastCall, Volatile.Read(ref _flow.Thrown));

    /// <summary>Marks the current async method as running the source's code.</summary>
    private static void EnterSource() => TestFlowWatch.RunningSource = true;
}
