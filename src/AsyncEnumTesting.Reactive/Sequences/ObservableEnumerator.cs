using System.Globalization;

namespace AsyncEnumTesting.Reactive;

/// <summary>One enumeration of an observable: the observer side queues, drops or rejects items per policy; the async side pulls them.</summary>
/// <remarks>
/// Waiting <c>MoveNextAsync</c> calls complete inline inside the observer call (no RunContinuationsAsynchronously): a
/// continuation that captured a context is posted to it, where the clock waits for it; one that did not runs in the same
/// clock step. Completing outside the lock keeps observer calls from running consumer code under it.
/// </remarks>
internal sealed class ObservableEnumerator<T> : IAsyncEnumerator<T>, IObserver<T>
{
    /// <summary>How the protocol guard's messages name this enumerator: it has neither a name nor a number, nor a clock of its own.</summary>
    private const string Name = "an enumeration of an observable";

    private readonly Lock _gate = new();
    private readonly IObservable<T> _source;
    private readonly UnawaitedItemPolicy _policy;
    private readonly CancellationToken _token;
    private readonly Queue<T> _buffer = new();
    private IDisposable? _subscription;
    private CancellationTokenRegistration _registration;
    private TaskCompletionSource<bool>? _waiting;
    private Exception? _error;
    private string? _unawaited;
    private long _pushed;
    private bool _subscribed;
    private bool _completed;
    private bool _disposed;

    public ObservableEnumerator(IObservable<T> source, UnawaitedItemPolicy policy, CancellationToken token)
    {
        _source = source;
        _policy = policy;
        _token = token;
    }

    public T Current { get; private set; } = default!;

    public ValueTask<bool> MoveNextAsync()
    {
        TaskCompletionSource<bool> waiting;
        bool subscribe;
        lock (_gate)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(IAsyncEnumerator<>), ProtocolMessages.MoveNextAfterDispose(Name, disposedAt: null));
            }
            if (_waiting is not null)
            {
                throw new InvalidOperationException(ProtocolMessages.OverlappingMoveNext(Name, pendingSince: null));
            }

            if (_token.IsCancellationRequested)
            {
                return ValueTask.FromCanceled<bool>(_token);
            }

            if (_unawaited is not null)
            {
                return ValueTask.FromException<bool>(new InvalidOperationException(_unawaited));
            }

            if (_buffer.TryDequeue(out var item))
            {
                Current = item;
                return new(true);
            }

            if (_error is not null)
            {
                return ValueTask.FromException<bool>(_error);
            }

            if (_completed)
            {
                return new(false);
            }

            waiting = new TaskCompletionSource<bool>();
            _waiting = waiting;
            subscribe = !_subscribed;
            _subscribed = true;
        }

        if (subscribe)
        {
            Subscribe();
        }

        return new(waiting.Task);
    }

    public ValueTask DisposeAsync()
    {
        TaskCompletionSource<bool>? waiting;
        IDisposable? subscription;
        lock (_gate)
        {
            if (_disposed)
            {
                return ValueTask.CompletedTask;
            }

            _disposed = true;
            subscription = _subscription;
            _subscription = null;
            waiting = TakeWaiting();
        }

        subscription?.Dispose();
        _registration.Dispose();
        waiting?.TrySetCanceled();
        return ValueTask.CompletedTask;
    }

    public void OnNext(T value)
    {
        TaskCompletionSource<bool>? waiting;
        lock (_gate)
        {
            _pushed++;
            if (_completed || _error is not null || _disposed)
            {
                return;
            }

            waiting = TakeWaiting();
            if (waiting is null)
            {
                Keep(value);
                return;
            }

            Current = value;
        }

        waiting.TrySetResult(true);
    }

    public void OnError(Exception error)
    {
        TaskCompletionSource<bool>? waiting;
        lock (_gate)
        {
            if (_completed || _error is not null)
            {
                return;
            }

            _error = error;
            waiting = _buffer.Count == 0 ? TakeWaiting() : null;
        }

        waiting?.TrySetException(error);
    }

    public void OnCompleted()
    {
        TaskCompletionSource<bool>? waiting;
        lock (_gate)
        {
            if (_completed || _error is not null)
            {
                return;
            }

            _completed = true;
            waiting = _buffer.Count == 0 ? TakeWaiting() : null;
        }

        waiting?.TrySetResult(false);
    }

    private void Subscribe()
    {
        // The first MoveNextAsync is already waiting, so an item pushed during Subscribe completes it.
        if (_token.CanBeCanceled)
        {
            _registration = _token.Register(static s => ((ObservableEnumerator<T>)s!).Cancel(), this);
        }

        IDisposable subscription;
        try
        {
            subscription = _source.Subscribe(this);
        }
#pragma warning disable CA1031 // The failure belongs to the MoveNextAsync that subscribed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            OnError(ex);
            return;
        }

        lock (_gate)
        {
            if (!_disposed)
            {
                _subscription = subscription;
                return;
            }
        }

        subscription.Dispose();
    }

    private void Keep(T value)
    {
        switch (_policy)
        {
            case UnawaitedItemPolicy.Buffer:
                _buffer.Enqueue(value);
                break;
            case UnawaitedItemPolicy.Fail:
                _unawaited ??=
                    $"The observable pushed item #{_pushed.ToString(CultureInfo.InvariantCulture)} ({Format(value)}) while no MoveNextAsync was waiting, " +
                    "and the sequence was made with UnawaitedItemPolicy.Fail. The consumer did not keep up with the observable: await MoveNextAsync " +
                    "before the item is due, or choose UnawaitedItemPolicy.Buffer to queue such items (Drop to skip them).";
                break;
            default:
                break;
        }
    }

    private void Cancel()
    {
        TaskCompletionSource<bool>? waiting;
        lock (_gate)
        {
            waiting = TakeWaiting();
        }

        waiting?.TrySetCanceled(_token);
    }

    private static string Format(T value) => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "null";

    private TaskCompletionSource<bool>? TakeWaiting()
    {
        var waiting = _waiting;
        _waiting = null;
        return waiting;
    }
}
