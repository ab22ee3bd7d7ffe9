namespace AsyncEnumTesting;

/// <content>Pulling from the source, one <c>MoveNextAsync</c> at a time; an item the source had ready costs no task.</content>
/// <remarks>
/// Most sources answer most calls synchronously. Such an item is kept in a field and taken by the next call without a
/// <see cref="Task"/>, a state machine or a wait; only a pull that goes asynchronous, and the end of the sequence (which
/// disposes the enumerator), become a task that the waits bound in time.
/// </remarks>
public sealed partial class AsyncSequenceReader<T>
{
    private readonly SourceContext _sourceContext = new();

    /// <summary>The pull that went asynchronous or ended the sequence, until its event is taken.</summary>
    private Task<ReaderEvent<T>>? _pull;

    /// <summary>The item a pull received synchronously, until it is taken (when <see cref="_hasReady"/>).</summary>
    private ReaderEvent<T> _ready;

    private bool _hasReady;

    /// <summary>Gets the event of the last pull when it has one and it was not taken yet.</summary>
    private ReaderEvent<T>? Seen => _hasReady ? _ready : _pull is { IsCompleted: true } pull ? pull.Result : null;

    /// <summary>Takes the event the last pull produced and starts the next pull unless the sequence ended or was canceled.</summary>
    private ReaderEvent<T> Take()
    {
        ReaderEvent<T> e;
        if (_hasReady)
        {
            e = _ready;
            _ready = default;
            _hasReady = false;
        }
        else
        {
            e = _pull!.Result;
            _pull = null;
        }

        if (e.IsTerminal)
        {
            _end = e;
        }
        else if (!_canceled)
        {
            StartPull();
        }

        return e;
    }

    /// <summary>Calls <c>MoveNextAsync</c> once, in the test's execution context marked as running the source.</summary>
    /// <remarks>
    /// The source's code, and every continuation it schedules, runs with the mark, so its exceptions are not counted as the
    /// test's (<see cref="TestFlowWatch"/>). Afterwards the test's execution and synchronization contexts are restored, as
    /// an async method restores them when it returns, whatever the source did to them. When the test suppressed the flow
    /// there is no context to mark: the pull sets the mark inside an async method of its own.
    /// </remarks>
    private void StartPull()
    {
        var test = ExecutionContext.Capture();
        if (test is null)
        {
            _pull = PullInOwnFlowAsync();
            return;
        }

        var synchronizationContext = SynchronizationContext.Current;
        ExecutionContext.Restore(_sourceContext.For(test));
        try
        {
            Pull();
        }
        finally
        {
            ExecutionContext.Restore(test);
            if (SynchronizationContext.Current != synchronizationContext)
            {
                SynchronizationContext.SetSynchronizationContext(synchronizationContext);
            }
        }
    }

    /// <summary>Pulls with the mark set in this method's own flow, for a test that suppressed the flow; always a task.</summary>
    private async Task<ReaderEvent<T>> PullInOwnFlowAsync()
    {
        EnterSource();
        Pull();
        if (!_hasReady)
        {
            return await _pull!.ConfigureAwait(false);
        }

        var e = _ready;
        _ready = default;
        _hasReady = false;
        return e;
    }

    /// <summary>Calls <c>MoveNextAsync</c>: keeps an item the source had ready in <see cref="_ready"/>, and anything else in <see cref="_pull"/>.</summary>
    private void Pull()
    {
        var before = _itemCount;
        ValueTask<bool> move;
        try
        {
            move = _enumerator!.MoveNextAsync();
            if (move.IsCompletedSuccessfully)
            {
                if (move.Result)
                {
                    _ready = ItemEvent(before);
                    _hasReady = true;
                }
                else
                {
                    _pull = EndAsync(CompletedEvent(before));
                }

                return;
            }
        }
#pragma warning disable CA1031 // The sequence's exception (from MoveNextAsync or Current) becomes an event, as when it is awaited.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _pull = EndAsync(Outcome(ex, before));
            return;
        }

        _pull = AwaitMoveAsync(move, before);
    }

    /// <summary>Awaits a <c>MoveNextAsync</c> that did not complete at once and turns its outcome into an event.</summary>
    /// <remarks>Continues without the caller's context, so the event is recorded the moment the source produced it.</remarks>
    private async Task<ReaderEvent<T>> AwaitMoveAsync(ValueTask<bool> move, int before)
    {
        ReaderEvent<T> e;
        try
        {
            if (await move.ConfigureAwait(false))
            {
                return ItemEvent(before);
            }

            e = CompletedEvent(before);
        }
#pragma warning disable CA1031 // The sequence's exception becomes an event; the test awaits it or the reader reports it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            e = Outcome(ex, before);
        }

        return await EndAsync(e).ConfigureAwait(false);
    }

    /// <summary>Disposes the enumerator after the sequence ended; a <c>DisposeAsync</c> that throws turns a clean end into a failure.</summary>
    private async Task<ReaderEvent<T>> EndAsync(ReaderEvent<T> e)
    {
        var disposeError = await DisposeEnumeratorAsync().ConfigureAwait(false);
        return disposeError is null || e.Kind == ReaderEventKind.Failed
            ? e
            : new ReaderEvent<T>(ReaderEventKind.Failed, default, disposeError, Timeline.Now, e.ItemsBefore);
    }

    /// <summary>Counts the item the source just yielded and makes its event.</summary>
    private ReaderEvent<T> ItemEvent(int before)
    {
        var item = _enumerator!.Current;
        _itemCount = before + 1;

        // The probe under the reader just stamped this result on the timeline: the same time, without a second clock read.
        return new ReaderEvent<T>(ReaderEventKind.Item, item, null, Timeline.LastStamp, before);
    }

    private ReaderEvent<T> CompletedEvent(int before) => new(ReaderEventKind.Completed, default, null, Timeline.LastStamp, before);

    /// <summary>Makes the event for what <c>MoveNextAsync</c> threw: the reader's own cancellation, or the sequence's failure.</summary>
    private ReaderEvent<T> Outcome(Exception ex, int before) =>
        new(ex is OperationCanceledException && _cts.IsCancellationRequested ? ReaderEventKind.Canceled : ReaderEventKind.Failed, default, ex, Timeline.Now, before);

    /// <summary>Disposes the enumerator once, as <c>await foreach</c> does; returns what <c>DisposeAsync</c> threw, if anything.</summary>
    private async Task<Exception?> DisposeEnumeratorAsync()
    {
        if (_sourceDone)
        {
            return null;
        }

        _sourceDone = true;
        EnterSource();
        try
        {
            await _enumerator!.DisposeAsync().ConfigureAwait(false);
            return null;
        }
#pragma warning disable CA1031 // Reported as the sequence's failure.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex;
        }
    }
}
