using System.Runtime.CompilerServices;

namespace AsyncEnumTesting;

/// <content>Recording <c>MoveNextAsync</c>: the synchronous fast path, the awaiting slow path, and their results.</content>
public sealed partial class Probe<T>
{
    private sealed partial class Enumerator
    {
        private Func<string>? _describeWaiter;

        public ValueTask<bool> MoveNextAsync()
        {
            if (Volatile.Read(ref _disposeState) != NotDisposed && Volatile.Read(ref _pending) == 0)
            {
                Misuse(ProbeViolationKind.MoveNextAfterDispose, ProbeMessages.MoveNextAfterDispose(_probe.Name, Number, DisposeStartedAt));
            }

            // The pending count changes in the same locked step as the entry: exact across threads, no atomic of its own.
            if (!_timeline.TryAppendFirst(Stream, TimelineEventKind.MoveNextStarted, readsClock: false, ref _pending, out var started, out var startedIndex, out var owned))
            {
                Misuse(ProbeViolationKind.OverlappingMoveNext, ProbeMessages.OverlappingMoveNext(_probe.Name, Number, PendingSince));
                started = _timeline.Append(Stream, TimelineEventKind.MoveNextStarted, readsClock: false, ref _pending, 1);
            }

            Volatile.Write(ref _pendingSinceTicks, started);
            ValueTask<bool> move;
            try
            {
                move = _inner.MoveNextAsync();
            }
            catch (Exception ex)
            {
                OnFailed(ex, readsClock: false);
                throw;
            }

            // A source that completes synchronously costs no state machine, no allocation and no clock read (it shares the
            // stamp of the call before it on real time).
            return move.IsCompletedSuccessfully ? new ValueTask<bool>(OnMoved(move.Result, readsClock: false, startedIndex, started, owned)) : AwaitMoveAsync(move);
        }

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
        private async ValueTask<bool> AwaitMoveAsync(ValueTask<bool> move)
        {
            // Registered only while this call waits, so a hang diagnosis names exactly the calls still pending.
            using var waiter = _timeline.VirtualClock?.Waiters.Add(_describeWaiter ??= () => ProbeMessages.Waiter(_probe.Name, Number, PendingSince, _token.CanBeCanceled));
            bool moved;
            try
            {
                // The consumer's own await decides where it resumes; the probe only records, on whatever thread completed the source.
                moved = await move.ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                OnFailed(ex, readsClock: true);
                throw;
            }

            return OnMoved(moved, readsClock: true, startedIndex: -1, startedTicks: 0, owned: false);
        }

        /// <summary>Records the result; a synchronous one passes its MoveNextStarted entry, which can then hold the item too.</summary>
        private bool OnMoved(bool moved, bool readsClock, int startedIndex, long startedTicks, bool owned)
        {
            NoteTokenCancellation();
            if (!moved)
            {
                End(EnumerationOutcome.Completed, _timeline.Append(Stream, TimelineEventKind.Completed, readsClock, ref _pending, -1), null);

                // From readable or not yet started, never from disposed: a dispose is the stronger finding.
                if (Interlocked.CompareExchange(ref _currentState, CurrentAfterCompletion, CurrentReadable) != CurrentReadable)
                {
                    Interlocked.CompareExchange(ref _currentState, CurrentAfterCompletion, CurrentBeforeMoveNext);
                }

                return false;
            }

            var item = ReadCurrent();
            _current = item;
            if (_currentState == CurrentBeforeMoveNext)
            {
                // Once per enumeration; every later item costs only the check above.
                Interlocked.CompareExchange(ref _currentState, CurrentReadable, CurrentBeforeMoveNext);
            }

            _timeline.AppendItem(Stream, _items, item, readsClock, ref _pending, startedIndex, startedTicks, owned);
            return true;
        }

        /// <summary>Reads the source's <c>Current</c>; when it throws, the call is no longer pending.</summary>
        /// <remarks>A method of its own, so the exception handler does not make the recording path keep its values on the stack.</remarks>
        private T ReadCurrent()
        {
            try
            {
                return _inner.Current;
            }
            catch
            {
                _timeline.Adjust(ref _pending, -1);
                throw;
            }
        }

        private void OnFailed(Exception exception, bool readsClock)
        {
            NoteTokenCancellation();
            if (exception is OperationCanceledException)
            {
                // No value: expected timelines compare by equality, and the exception is kept in ProbeEnumeration.Exception.
                End(EnumerationOutcome.Canceled, _timeline.Append(Stream, TimelineEventKind.Canceled, readsClock, ref _pending, -1), exception);
            }
            else
            {
                End(EnumerationOutcome.Faulted, _timeline.Append(Stream, TimelineEventKind.Faulted, readsClock, ref _pending, -1, exception), exception);
            }
        }
    }
}
