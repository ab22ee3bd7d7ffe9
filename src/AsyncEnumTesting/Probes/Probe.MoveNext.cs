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
            if (Interlocked.Increment(ref _pending) != 1)
            {
                MisuseWhilePending(ProbeViolationKind.OverlappingMoveNext, ProbeMessages.OverlappingMoveNext(_probe.Name, Number, PendingSince));
            }
            else if (Volatile.Read(ref _disposeState) != NotDisposed)
            {
                MisuseWhilePending(ProbeViolationKind.MoveNextAfterDispose, ProbeMessages.MoveNextAfterDispose(_probe.Name, Number, DisposeStartedAt));
            }

            Volatile.Write(ref _pendingSinceTicks, _timeline.Append(Stream, TimelineEventKind.MoveNextStarted));
            ValueTask<bool> move;
            try
            {
                move = _inner.MoveNextAsync();
            }
            catch (Exception ex)
            {
                OnFailed(ex);
                throw;
            }

            // A source that completes synchronously costs no state machine and no allocation beyond the recorded entries.
            return move.IsCompletedSuccessfully ? new ValueTask<bool>(OnMoved(move.Result)) : AwaitMoveAsync(move);
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
                OnFailed(ex);
                throw;
            }

            return OnMoved(moved);
        }

        private bool OnMoved(bool moved)
        {
            NoteTokenCancellation();
            try
            {
                if (moved)
                {
                    var item = _inner.Current;
                    _current = item;
                    _timeline.AppendItem(Stream, _items, _items.Add(item), readsClock: true);
                }
                else
                {
                    End(EnumerationOutcome.Completed, _timeline.Append(Stream, TimelineEventKind.Completed), null);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }

            return moved;
        }

        private void OnFailed(Exception exception)
        {
            NoteTokenCancellation();
            if (exception is OperationCanceledException)
            {
                // No value: expected timelines compare by equality, and the exception is kept in ProbeEnumeration.Exception.
                End(EnumerationOutcome.Canceled, _timeline.Append(Stream, TimelineEventKind.Canceled), exception);
            }
            else
            {
                End(EnumerationOutcome.Faulted, _timeline.Append(Stream, TimelineEventKind.Faulted, exception), exception);
            }

            Interlocked.Decrement(ref _pending);
        }

        /// <summary>Records misuse found after the pending count was raised; undoes the raise before throwing.</summary>
        private void MisuseWhilePending(ProbeViolationKind kind, string message)
        {
            try
            {
                Misuse(kind, message);
            }
            catch (InvalidOperationException)
            {
                Interlocked.Decrement(ref _pending);
                throw;
            }
        }
    }
}
