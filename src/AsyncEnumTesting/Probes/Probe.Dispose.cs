using System.Runtime.CompilerServices;

namespace AsyncEnumTesting;

/// <content>Recording <c>DisposeAsync</c>, and the misuse around it.</content>
public sealed partial class Probe<T>
{
    private sealed partial class Enumerator
    {
        public ValueTask DisposeAsync()
        {
            if (Volatile.Read(ref _pending) != 0 && Volatile.Read(ref _disposeState) == NotDisposed)
            {
                Misuse(ProbeViolationKind.DisposeWhileMoveNextPending, ProbeMessages.DisposeWhileMoveNextPending(_probe.Name, Number, PendingSince));
            }

            if (Interlocked.CompareExchange(ref _disposeState, Disposing, NotDisposed) != NotDisposed)
            {
                // .NET allows a second DisposeAsync: record it, never throw, and spare the source a second call.
                _probe.RecordViolation(this, ProbeViolationKind.DoubleDispose, ProbeMessages.DoubleDispose(_probe.Name, Number, DisposeStartedAt));
                return default;
            }

            Volatile.Write(ref _currentState, CurrentAfterDispose);
            NoteTokenCancellation();
            Volatile.Write(ref _disposeStartedTicks, _timeline.Append(Stream, TimelineEventKind.DisposeStarted, readsClock: false));
            ValueTask dispose;
            try
            {
                dispose = _inner.DisposeAsync();
            }
            catch (Exception ex)
            {
                OnDisposeFailed(ex);
                throw;
            }

            if (dispose.IsCompletedSuccessfully)
            {
                dispose.GetAwaiter().GetResult();
                OnDisposed(_timeline.Append(Stream, TimelineEventKind.Disposed, readsClock: false));
                return default;
            }

            return AwaitDisposeAsync(dispose);
        }

        [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
        private async ValueTask AwaitDisposeAsync(ValueTask dispose)
        {
            try
            {
                await dispose.ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                OnDisposeFailed(ex);
                throw;
            }

            OnDisposed(_timeline.Append(Stream, TimelineEventKind.Disposed));
        }

        private void OnDisposeFailed(Exception exception) =>
            OnDisposed(_timeline.Append(Stream, TimelineEventKind.Faulted, exception));

        private void OnDisposed(long ticks)
        {
            Volatile.Write(ref _disposedTicks, ticks);
            Volatile.Write(ref _disposeState, DisposeDone);

            // Cancelling the token after the enumerator is gone says nothing about this enumeration.
            _tokenRegistration.Dispose();
        }
    }
}
