using System.Diagnostics;

namespace AsyncEnumTesting;

/// <content>Canceling the sequence and disposing the reader, with the strictness checks.</content>
public sealed partial class AsyncSequenceReader<T>
{
    /// <summary>Cancels the token the reader passed to the sequence, waits for a running <c>MoveNextAsync</c> to stop, and disposes the enumerator.</summary>
    /// <returns>A task that completes once the sequence stopped and was disposed.</returns>
    /// <exception cref="AsyncSequenceAssertionException">A running <c>MoveNextAsync</c> did not stop within the timeouts.</exception>
    /// <exception cref="InvalidOperationException">Another call on this reader is still running.</exception>
    /// <exception cref="ObjectDisposedException">The reader is disposed.</exception>
    /// <remarks>
    /// Events seen before the call can still be consumed; the reader pulls nothing more. Disposing the reader still fails
    /// when one of them is left unconsumed: use <see cref="CancelAndIgnoreRemainingAsync"/> to drop them. Canceling a
    /// sequence that already ended does nothing.
    /// </remarks>
    [StackTraceHidden]
    public async Task CancelAsync()
    {
        using var scope = Enter(nameof(CancelAsync));
        await CancelCoreAsync(failIfStuck: true);
    }

    /// <summary>Cancels the sequence like <see cref="CancelAsync"/> and drops every event not consumed yet, so disposing the reader does not fail on them.</summary>
    /// <returns>A task that completes once the sequence stopped and was disposed.</returns>
    /// <exception cref="AsyncSequenceAssertionException">A running <c>MoveNextAsync</c> did not stop within the timeouts.</exception>
    /// <exception cref="InvalidOperationException">Another call on this reader is still running.</exception>
    /// <exception cref="ObjectDisposedException">The reader is disposed.</exception>
    [StackTraceHidden]
    public async Task CancelAndIgnoreRemainingAsync()
    {
        using var scope = Enter(nameof(CancelAndIgnoreRemainingAsync));
        _ignoreRemaining = true;
        await CancelCoreAsync(failIfStuck: true);
    }

    /// <summary>Stops the sequence if it still runs, then fails if the test left events unconsumed or never finished nor canceled the sequence.</summary>
    /// <returns>A task that completes once the sequence stopped and was disposed.</returns>
    /// <exception cref="AsyncSequenceAssertionException">An event was left unconsumed, the sequence was neither finished nor
    /// canceled, or it did not stop when canceled; never after an earlier step of this reader failed.</exception>
    /// <exception cref="InvalidOperationException">Another call on this reader is still running.</exception>
    /// <remarks>
    /// Disposing twice does nothing. The checks are skipped with <see cref="AsyncSequenceReaderOptions.IgnoreRemainingEvents"/>,
    /// after <see cref="CancelAndIgnoreRemainingAsync"/>, after a failed reader step, and when the test's own code threw
    /// after the reader's last call (an assertion between steps failed): <c>await using</c> would otherwise replace that
    /// failure with this one.
    /// </remarks>
    [StackTraceHidden]
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        var testFailed = TestThrewAfterLastCall;
        using var scope = Enter(nameof(DisposeAsync));
        _disposed = true;
        _open?.Dispose();
        var strict = !_ignoreRemaining && !_failed && !testFailed;
        var leftover = strict ? Leftover() : null;
        try
        {
            await CancelCoreAsync(failIfStuck: strict && leftover is null);
        }
        finally
        {
            _cts.Dispose();
        }

        if (leftover is { } problem)
        {
            throw Fail(problem.Expected, problem.Actual, problem.Inner, problem.Advice, problem.At);
        }
    }

    /// <summary>Finds what strictness forbids: an unconsumed event first, then a sequence left running.</summary>
    private (string Expected, string Actual, Exception? Inner, string? Advice, (ReaderEvent<T>, string)? At)? Leftover()
    {
        if (Seen is { Kind: not ReaderEventKind.Canceled } e)
        {
            var what = e.Kind == ReaderEventKind.Item
                ? $"item {ValueFormat.Format(e.Item)}, yielded at {TimeFormat.Elapsed(e.Time)},"
                : $"the {(e.Kind == ReaderEventKind.Completed ? "completion" : "failure " + MessageFormat.Exception(e.Error!))} at {TimeFormat.Elapsed(e.Time)}";
            return ($"every event {(_named ? "of " + _subject + " " : string.Empty)}to be consumed before the reader is disposed", what + " was not consumed", e.Error,
                "Await it, or call CancelAndIgnoreRemainingAsync() to drop what is left.", (e, "not consumed"));
        }

        if (!_canceled && !_sourceDone)
        {
            return ($"{_subject} to be finished or canceled before the reader is disposed",
                "it was still running " + MessageFormat.AfterItems(_itemCount), null,
                "Await its completion, or call CancelAsync() or CancelAndIgnoreRemainingAsync().", null);
        }

        return null;
    }

    /// <summary>Cancels the token, waits for a running pull to stop, and disposes the enumerator if the pull did not.</summary>
    private async Task CancelCoreAsync(bool failIfStuck)
    {
        if (!_canceled && !_sourceDone)
        {
            // Synchronously and without a context: CancelAsync runs the callbacks on the pool, and a continuation queued there
            // is invisible to a virtual-time run, which would move the clock meanwhile.
            WithoutContext.Cancel(_cts);
        }

        // Runs again when a source that ignored the token stopped later, so disposing the reader still disposes it.
        _canceled = true;
        if (_sourceDone)
        {
            return;
        }

        var expected = _subject + " to stop after cancellation";
        if (_pull is { IsCompleted: false } stalledPull && _stalled && !failIfStuck && _clock?.NextDueTime is null)
        {
            // The pull already had its whole real-time grace, the reader failed on it, and no timer can move it: a source
            // that honours the token stops at once (or through one post to the run, or a hop through the pool); one that
            // does not would only cost a second grace before the same report.
            await Task.WhenAny(stalledPull, Task.Delay(AfterStall, TimeProvider.System));
            if (!stalledPull.IsCompleted)
            {
                return;
            }
        }

        if (_pull is { IsCompleted: false } pull)
        {
            var stopped = await WaitAsync(pull, expected);
            if (stopped.Kind == ReaderEventKind.Nothing)
            {
                if (failIfStuck)
                {
                    throw Fail(expected, "MoveNextAsync was still running: " + stopped.Detail, stopped.Error);
                }

                return;
            }

            if (failIfStuck && stopped.Kind == ReaderEventKind.Item)
            {
                // The producer saw the token and yielded anyway: blame it here, not the test at dispose ("not consumed").
                throw Fail(
                    expected,
                    $"it yielded {ValueFormat.Format(stopped.Item)} at {TimeFormat.Elapsed(stopped.Time)}, after the token was canceled",
                    advice: "A producer must end (throw OperationCanceledException, or complete) once its token is canceled.",
                    at: (stopped, "yielded after cancellation"));
            }
        }

        var disposed = await WaitAsync(DisposeAfterCancelAsync(), "DisposeAsync");
        if (failIfStuck && disposed.Kind is ReaderEventKind.Nothing or ReaderEventKind.Failed)
        {
            var actual = disposed.Kind == ReaderEventKind.Failed
                ? "DisposeAsync threw " + MessageFormat.Exception(disposed.Error!)
                : "DisposeAsync was still running: " + disposed.Detail;
            throw Fail(expected, actual, disposed.Error);
        }
    }

    private async Task<ReaderEvent<T>> DisposeAfterCancelAsync()
    {
        var error = await DisposeEnumeratorAsync().ConfigureAwait(false);
        return new ReaderEvent<T>(error is null ? ReaderEventKind.Canceled : ReaderEventKind.Failed, default, error, Timeline.Now, _itemCount);
    }
}
