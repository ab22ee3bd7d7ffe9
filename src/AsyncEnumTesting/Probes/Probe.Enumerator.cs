namespace AsyncEnumTesting;

/// <content>The recording enumerator: its state, start, token and <c>Current</c>.</content>
public sealed partial class Probe<T>
{
    /// <summary>Records one enumeration; its <c>MoveNextAsync</c> and <c>DisposeAsync</c> live in their own files.</summary>
    private sealed partial class Enumerator : IAsyncEnumerator<T>
    {
        private const int NotDisposed = 0;
        private const int Disposing = 1;
        private const int DisposeDone = 2;

        // Whether Current may be read: one field, so the getter costs a single check on the per-item path.
        private const int CurrentReadable = 0;
        private const int CurrentBeforeMoveNext = 1;
        private const int CurrentAfterCompletion = 2;
        private const int CurrentAfterDispose = 3;

        private static readonly object Cancellable = true;
        private static readonly object NotCancellable = false;

        private readonly Probe<T> _probe;
        private readonly Timeline _timeline;
        private readonly CancellationToken _token;
        private readonly AppendLog<T> _items = new();
        private IAsyncEnumerator<T> _inner = null!;
        private CancellationTokenRegistration _tokenRegistration;
        private T _current = default!;
        private bool _handedOut;
        private long _startedTicks;
        private long _tokenCanceledTicks = -1;
        private int _tokenCanceledRecorded;
        private int _pending;
        private long _pendingSinceTicks;
        private int _disposeState;
        private int _currentState = CurrentBeforeMoveNext;
        private long _disposeStartedTicks;
        private long _disposedTicks = -1;
        private EnumerationOutcome _outcome;
        private long _endedTicks;
        private Exception? _exception;

        public Enumerator(Probe<T> probe, int number, CancellationToken token)
        {
            _probe = probe;
            _timeline = probe.Timeline;
            _token = token;
            Number = number;
            Stream = _timeline.RegisterStream(probe.Name, number);
            _timeline.RegisterItems(Stream, _items);
        }

        public int Number { get; }

        public int Stream { get; }

        /// <summary>Gets whether the consumer holds this enumerator and has not disposed it.</summary>
        public bool NeedsDisposal => _handedOut && Volatile.Read(ref _disposedTicks) < 0;

        public T Current
        {
            get
            {
                var state = Volatile.Read(ref _currentState);
                if (state != CurrentReadable)
                {
                    CurrentMisuse(state);
                }

                return _current;
            }
        }

        /// <summary>Records (and, when strict, throws for) a read of <c>Current</c> when no item is current.</summary>
        private void CurrentMisuse(int state)
        {
            switch (state)
            {
                case CurrentAfterDispose:
                    Misuse(ProbeViolationKind.CurrentAfterDispose, ProbeMessages.CurrentAfterDispose(_probe.Name, Number, DisposeStartedAt));
                    break;
                case CurrentAfterCompletion:
                    Misuse(ProbeViolationKind.CurrentAfterCompletion, ProbeMessages.CurrentAfterCompletion(_probe.Name, Number, TimeSpan.FromTicks(_endedTicks)));
                    break;
                default:
                    Misuse(ProbeViolationKind.CurrentBeforeMoveNext, ProbeMessages.CurrentBeforeMoveNext(_probe.Name, Number));
                    break;
            }
        }

        /// <summary>Records the start and asks the source for its enumerator.</summary>
        public void Start(IAsyncEnumerable<T> source)
        {
            _startedTicks = _timeline.Append(Stream, TimelineEventKind.GetAsyncEnumerator, _token.CanBeCanceled ? Cancellable : NotCancellable);
            try
            {
                _inner = source.GetAsyncEnumerator(_token);
            }
            catch (Exception ex)
            {
                End(EnumerationOutcome.Faulted, _timeline.Append(Stream, TimelineEventKind.Faulted, ex), ex);
                throw;
            }

            _handedOut = true;
            if (_token.CanBeCanceled)
            {
                // Registered after GetAsyncEnumerator is recorded, so an already-cancelled token shows up right after it.
                _tokenRegistration = _token.UnsafeRegister(static state => ((Enumerator)state!).OnTokenCanceled(), this);
            }
        }

        /// <summary>Takes a snapshot for the probe's queries.</summary>
        public ProbeEnumeration<T> Describe()
        {
            var canceled = Volatile.Read(ref _tokenCanceledTicks);
            var disposed = Volatile.Read(ref _disposedTicks);
            var outcome = _outcome;
            var ended = outcome == EnumerationOutcome.Running ? (TimeSpan?)null : TimeSpan.FromTicks(_endedTicks);
            if (outcome == EnumerationOutcome.Running && Volatile.Read(ref _disposeState) != NotDisposed)
            {
                outcome = EnumerationOutcome.Abandoned;
            }

            return new ProbeEnumeration<T>(
                Number,
                _token.CanBeCanceled,
                TimeSpan.FromTicks(_startedTicks),
                canceled < 0 ? null : TimeSpan.FromTicks(canceled),
                _items.ToArray(),
                outcome,
                ended,
                _exception,
                disposed < 0 ? null : TimeSpan.FromTicks(disposed));
        }

        /// <summary>Records <paramref name="kind"/> and throws when the probe is strict.</summary>
        /// <exception cref="InvalidOperationException">The probe throws on misuse.</exception>
        private void Misuse(ProbeViolationKind kind, string message)
        {
            // A cascade (an overlap's exception ends a merge, whose cleanup then disposes a pending call) would otherwise
            // surface only its last violation: the exception names the first one on the timeline, the likely cause.
            var earlier = _probe.Timeline.EventsOf(TimelineEventKind.Violation);
            _probe.RecordViolation(this, kind, message);
            if (_probe.ThrowOnMisuse)
            {
                throw new InvalidOperationException(earlier.Count == 0 ? message : ProbeMessages.Following(message, earlier[0]));
            }
        }

        private void End(EnumerationOutcome outcome, long ticks, Exception? exception)
        {
            if (_outcome == EnumerationOutcome.Running)
            {
                _endedTicks = ticks;
                _exception = exception;
                _outcome = outcome;
            }
        }

        /// <summary>Records the token's cancellation before a result it may have caused.</summary>
        /// <remarks>
        /// A token runs its callbacks newest first, so the source's own registration (made later, inside MoveNextAsync)
        /// can end the call before the probe's callback runs. Results check the token first to keep cause before effect.
        /// </remarks>
        private void NoteTokenCancellation()
        {
            if (_token.IsCancellationRequested)
            {
                OnTokenCanceled();
            }
        }

        private void OnTokenCanceled()
        {
            if (Interlocked.Exchange(ref _tokenCanceledRecorded, 1) == 0)
            {
                var ticks = _timeline.Append(Stream, TimelineEventKind.TokenCanceled);
                Volatile.Write(ref _tokenCanceledTicks, ticks);
            }
        }

        /// <summary>Gets the time a pending <c>MoveNextAsync</c> started, for messages and waiter descriptions.</summary>
        private TimeSpan PendingSince => TimeSpan.FromTicks(Volatile.Read(ref _pendingSinceTicks));

        /// <summary>Gets the time <c>DisposeAsync</c> was first called, for messages.</summary>
        private TimeSpan DisposeStartedAt => TimeSpan.FromTicks(Volatile.Read(ref _disposeStartedTicks));
    }
}
