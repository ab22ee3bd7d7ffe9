using System.Diagnostics;

namespace AsyncEnumTesting;

/// <content>Awaiting the end of the sequence: completion or failure.</content>
public sealed partial class AsyncSequenceReader<T>
{
    /// <summary>Waits for the next event and checks that the sequence completed.</summary>
    /// <returns>A task that completes once the completion is consumed.</returns>
    /// <exception cref="AsyncSequenceAssertionException">The sequence yielded an item, failed, or did nothing within the timeouts.</exception>
    /// <exception cref="InvalidOperationException">Another call on this reader is still running.</exception>
    /// <exception cref="ObjectDisposedException">The reader is disposed.</exception>
    [StackTraceHidden]
    public async Task AwaitCompletionAsync()
    {
        using var scope = Enter(nameof(AwaitCompletionAsync));
        var expected = _subject + " to complete";
        var e = await PeekAsync("the completion");
        if (e.Kind != ReaderEventKind.Completed)
        {
            throw Fail(expected, Came(e), e.Error, at: (e, "expected the completion"));
        }

        Take();
    }

    /// <summary>Waits for the next event and checks that the sequence failed with <typeparamref name="TException"/>.</summary>
    /// <typeparam name="TException">The exception type expected; derived types match too.</typeparam>
    /// <returns>The sequence's exception, for further checks.</returns>
    /// <exception cref="AsyncSequenceAssertionException">The sequence yielded an item, completed, failed with another type, or did nothing within the timeouts.</exception>
    /// <exception cref="InvalidOperationException">Another call on this reader is still running.</exception>
    /// <exception cref="ObjectDisposedException">The reader is disposed.</exception>
    /// <remarks>A sequence that stops with an <see cref="OperationCanceledException"/> the reader did not cause fails with it.</remarks>
    [StackTraceHidden]
    public async Task<TException> AwaitErrorAsync<TException>()
        where TException : Exception
    {
        using var scope = Enter(nameof(AwaitErrorAsync));
        var expected = _subject + " to fail with " + typeof(TException).Name;
        var e = await PeekAsync("a failure");
        if (e.Kind != ReaderEventKind.Failed || e.Error is not TException error)
        {
            throw Fail(expected, Came(e), e.Error, at: (e, "expected " + typeof(TException).Name));
        }

        Take();
        return error;
    }
}
