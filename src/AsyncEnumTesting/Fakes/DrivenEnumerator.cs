namespace AsyncEnumTesting;

/// <summary>Reads one enumeration of a <see cref="DrivenSequence{T}"/>.</summary>
internal sealed class DrivenEnumerator<T> : IAsyncEnumerator<T>
{
    private readonly DrivenSequence<T> _owner;
    private readonly int _number;
    private readonly CancellationToken _token;
    private EnumeratorGuard _guard;
    private bool _finished;
    private T _current = default!;

    public DrivenEnumerator(DrivenSequence<T> owner, int number, CancellationToken token)
    {
        _owner = owner;
        _number = number;
        _token = token;
    }

    public T Current => _current;

    private FakeRecorder Recorder => _owner.Recorder;

    public ValueTask<bool> MoveNextAsync()
    {
        _guard.Enter(Recorder.Title, _number, _owner.Clock);
        if (_finished)
        {
            _guard.Exit();
            return new ValueTask<bool>(false);
        }

        if (_token.IsCancellationRequested)
        {
            return new ValueTask<bool>(Task.FromException<bool>(Canceled()));
        }

        var request = new Request(this);
        if (!_owner.TryAnswer(request, out var hasItem, out var item, out var error))
        {
            request.Wait();
            return new ValueTask<bool>(request.Task);
        }

        if (hasItem)
        {
            return new ValueTask<bool>(Yield(item));
        }

        return error is null ? new ValueTask<bool>(Complete()) : new ValueTask<bool>(Task.FromException<bool>(Fault(error)));
    }

    public ValueTask DisposeAsync()
    {
        if (_guard.BeginDispose(Recorder.Title, _number))
        {
            _finished = true;
            Recorder.Disposed();
        }
        return default;
    }

    private bool Yield(T item)
    {
        _current = item;
        _guard.Exit();
        return true;
    }

    private bool Complete()
    {
        _finished = true;
        _guard.Exit();
        return false;
    }

    private Exception Fault(Exception error)
    {
        _finished = true;
        _guard.Exit();
        return error;
    }

    private OperationCanceledException Canceled()
    {
        var canceled = new OperationCanceledException(
            $"MoveNextAsync on {Recorder.Title} #{_number} was canceled by its token.", _token);
        _finished = true;
        _guard.Exit();
        return canceled;
    }

    /// <summary>Represents one waiting <c>MoveNextAsync</c>: the demand the test can see.</summary>
    internal sealed class Request(DrivenEnumerator<T> enumerator)
    {
        private readonly TaskCompletionSource<bool> _result = new();
        private CancellationTokenRegistration _registration;
        private IDisposable? _waiter;

        public Task<bool> Task => _result.Task;

        /// <summary>Gets the name of the waiting enumeration, for a schedule's report.</summary>
        public string Name => $"{enumerator.Recorder.Title} #{enumerator._number}";

        /// <summary>Gets or sets where the request waits in its sequence's queue.</summary>
        public LinkedListNode<Request>? Node { get; set; }

        /// <summary>Starts waiting: registers with the token and, for hang diagnoses, with the clock.</summary>
        public void Wait()
        {
            var owner = enumerator._owner;
            var since = owner.Clock?.Elapsed ?? TimeSpan.Zero;
            _waiter = owner.Clock?.Waiters.Add(() =>
                $"{enumerator.Recorder.Title} #{enumerator._number} waits in MoveNextAsync since {TimeFormat.Elapsed(since)}: nothing emitted, completed or failed it");
            _registration = enumerator._token.UnsafeRegister(static state => ((Request)state!).Cancel(), this);
        }

        /// <summary>Hands the request an item, on the emitting caller's context, never inline.</summary>
        public void Deliver(T item) => Later.Run(() =>
        {
            Release();
            _result.TrySetResult(enumerator.Yield(item));
        });

        /// <summary>Ends the request with completion (no error) or the error, on the caller's context, never inline.</summary>
        public void End(Exception? error) => Later.Run(() =>
        {
            Release();
            if (error is null)
            {
                _result.TrySetResult(enumerator.Complete());
            }
            else
            {
                _result.TrySetException(enumerator.Fault(error));
            }
        });

        private void Cancel()
        {
            if (!enumerator._owner.TryWithdraw(this))
            {
                return; // an item or the ending is already on its way
            }

            Release();
            _result.TrySetException(enumerator.Canceled());
        }

        private void Release()
        {
            _registration.Dispose();
            _waiter?.Dispose();
        }
    }
}
