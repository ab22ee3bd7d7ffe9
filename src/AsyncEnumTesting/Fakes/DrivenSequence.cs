namespace AsyncEnumTesting;

/// <summary>Provides a fake async sequence the test drives by hand: it emits items, completes or fails when the test says so.</summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>
/// <para>
/// A driven sequence is one stream shared by all its enumerations, like a channel: each emitted item goes to exactly one
/// reader, the one that has waited longest in <c>MoveNextAsync</c>. An item emitted while no <c>MoveNextAsync</c> waits is
/// buffered, in emit order, until some enumeration asks for it (also an enumeration that starts later).
/// <see cref="Complete"/> and <see cref="Fail"/> end the stream after the buffered items: every enumeration, current or
/// later, drains the buffer and then completes or throws.
/// </para>
/// <para>
/// Its demand is visible: <see cref="Demand"/> counts the <c>MoveNextAsync</c> calls waiting now, and
/// <see cref="WhenDemandAsync"/> waits until there are enough. The usual handshake is <c>Emit</c>, then
/// <c>await WhenDemandAsync()</c>: the consumer has taken the item and is asking for the next.
/// </para>
/// <para>
/// <see cref="Emit"/> never runs the consumer inline: a waiting <c>MoveNextAsync</c> completes and its continuation runs
/// on the consumer's own context, later. A waiting <c>MoveNextAsync</c> honours its token: it throws an
/// <see cref="OperationCanceledException"/> with that token, and the item it would have received stays buffered.
/// </para>
/// <para>
/// Misuse fails fast: a <c>MoveNextAsync</c> while the previous one is pending, or a <c>DisposeAsync</c> while one is
/// pending, throws <see cref="InvalidOperationException"/>. After completion, an error, a cancellation or disposal,
/// <c>MoveNextAsync</c> returns <see langword="false"/> (as compiler-generated iterators do), unless the fake records on a
/// timeline, whose probe reports a <c>MoveNextAsync</c> after disposal as misuse.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var source = FakeSequence.Driven&lt;int&gt;(clock);
/// var consumer = Consume(source);       // the code under test
/// await source.WhenDemandAsync();       // it is waiting for the first item
/// source.Emit(1);
/// await source.WhenDemandAsync();       // it took 1 and asks for more
/// source.Complete();
/// await consumer;
/// </code>
/// </example>
public sealed partial class DrivenSequence<T> : IAsyncEnumerable<T>
{
    private readonly Lock _gate = new();
    private readonly Queue<T> _buffer = new();
    private readonly LinkedList<DrivenEnumerator<T>.Request> _requests = new();
    private readonly List<(int Count, TaskCompletionSource<bool> Signal)> _demandWatchers = [];
    private readonly FakeRecorder _recorder;
    private readonly Probe<T>? _probe;
    private string? _ending;
    private Exception? _error;

    internal DrivenSequence(VirtualClock? clock, string? name, Timeline? timeline)
    {
        Clock = clock;
        _recorder = new FakeRecorder("driven sequence", name, "driven", timeline);
        _probe = _recorder.CreateProbe<T>(CreateEnumerator);
    }

    /// <summary>Gets the name the sequence records its events under and uses in messages.</summary>
    public string Name => _recorder.Name;

    /// <summary>Gets how the fake presents itself in messages, for example <c>marble sequence "prices"</c>.</summary>
    internal string Title => _recorder.Title;

    /// <summary>Gets the clock <see cref="WhenDemandAsync"/> drives while it waits, if any.</summary>
    public VirtualClock? Clock { get; }

    /// <summary>Gets the timeline the sequence records its enumerations on, or <see langword="null"/> when it records nothing.</summary>
    /// <remarks>A fake with a timeline hands out a <see cref="Probe{T}"/>'s enumerators over its own, so it records exactly what a probe records, under <see cref="Name"/>, and the probe's protocol checks apply.</remarks>
    public Timeline? Timeline => _recorder.Timeline;

    /// <summary>Gets how many times <c>GetAsyncEnumerator</c> was called.</summary>
    public int Enumerations => _recorder.Enumerations;

    /// <summary>Gets how many of its enumerators were disposed; a repeated <c>DisposeAsync</c> on one enumerator counts once.</summary>
    public int Disposals => _recorder.Disposals;

    /// <summary>Gets how many enumerators exist that have not been disposed yet.</summary>
    public int ActiveEnumerations => _recorder.ActiveEnumerations;

    /// <summary>Gets how many <c>MoveNextAsync</c> calls wait for an item right now.</summary>
    public int Demand
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>Gets how many emitted items wait in the buffer for a reader.</summary>
    public int Buffered
    {
        get
        {
            lock (_gate)
            {
                return _buffer.Count;
            }
        }
    }

    /// <summary>Gets a value indicating whether <see cref="Complete"/> or <see cref="Fail"/> was called.</summary>
    public bool IsEnded
    {
        get
        {
            lock (_gate)
            {
                return _ending is not null;
            }
        }
    }

    internal FakeRecorder Recorder => _recorder;

    /// <summary>Emits an item: the longest-waiting <c>MoveNextAsync</c> receives it, or it is buffered until one asks.</summary>
    /// <param name="item">The item.</param>
    /// <exception cref="InvalidOperationException">The sequence was already completed or failed.</exception>
    public void Emit(T item)
    {
        DrivenEnumerator<T>.Request? request;
        lock (_gate)
        {
            ThrowIfEnded($"Emit({item})");
            var node = _requests.First;
            if (node is null)
            {
                _buffer.Enqueue(item);
                return;
            }

            // Several enumerations waiting at once: under schedule exploration, which of them gets the item is explored
            // (the default is the one that has waited longest). Only on the run's own thread, where the schedule lives.
            if (_requests.Count > 1 && Clock?.Runner?.Schedule is { } schedule && SynchronizationContext.Current is VirtualTimeContext)
            {
                var waiting = _requests.Select(r => r.Name).ToArray();
                var pick = schedule.Choose(ScheduleChoice.Demand, waiting.Length, Clock.NowTicks, i => waiting[i]);
                for (var i = 0; i < pick; i++)
                {
                    node = node!.Next;
                }
            }

            request = node!.Value;
            _requests.Remove(node);
        }

        request.Deliver(item);
    }

    /// <summary>Completes the sequence: readers drain the buffered items, then <c>MoveNextAsync</c> returns <see langword="false"/>.</summary>
    /// <exception cref="InvalidOperationException">The sequence was already completed or failed.</exception>
    public void Complete() => End("Complete()", null);

    /// <summary>Fails the sequence: readers drain the buffered items, then <c>MoveNextAsync</c> throws <paramref name="error"/>.</summary>
    /// <param name="error">The exception to throw; every enumeration throws this same instance.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The sequence was already completed or failed.</exception>
    public void Fail(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        End($"Fail({error.GetType().Name})", error);
    }

    /// <summary>Waits until at least <paramref name="count"/> <c>MoveNextAsync</c> calls wait for an item at once.</summary>
    /// <param name="count">The demand to wait for; 1 by default.</param>
    /// <param name="cancellationToken">Ends the wait early.</param>
    /// <returns>A task that completes when the demand is reached (at once if it is already).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="VirtualTimeException">The sequence has a clock and the demand cannot come in virtual time.</exception>
    /// <exception cref="TimeoutException">The sequence has no clock and the demand did not come within the reader's default
    /// real-time limit (<see cref="AsyncSequenceReaderOptions.RealTimeLimit"/>, 5 s).</exception>
    /// <remarks>
    /// With a <see cref="Clock"/> and no <see cref="VirtualTime.RunAsync(Func{VirtualClock, Task}, VirtualTimeOptions?)"/>
    /// driving it, the wait advances the clock timer by timer until the consumer asks, and fails instead of hanging when no
    /// timer is left. Without a clock, the wait is bounded by real time (<see cref="AsyncSequenceReaderOptions.RealTimeLimit"/> of
    /// <see cref="AsyncSequenceReaderOptions.Default"/>).
    /// </remarks>
    public Task WhenDemandAsync(int count = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(count, 0);
        TaskCompletionSource<bool> signal;
        lock (_gate)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            // Completed through Later.Run on the consumer's context, so the test resumes as ordinary queued work.
            signal = new TaskCompletionSource<bool>();
            _demandWatchers.Add((count, signal));
        }

        return WaitForDemandAsync(signal.Task.WaitAsync(cancellationToken), count);
    }

    /// <summary>Waits on the clock's one bounded-wait engine, or on real time without a clock, and says why it gave up.</summary>
    private async Task WaitForDemandAsync(Task wait, int count)
    {
        var what = $"{count} pending MoveNextAsync call(s) on {_recorder.Title}";
        if (Clock is null)
        {
            // Without a clock nothing else bounds the wait: a consumer that never asks must not hang the test.
            var limit = WaitDefaults.RealTimeLimit;
            await ((Task)wait).WaitAsync(limit).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            if (!wait.IsCompleted)
            {
                throw new TimeoutException(
                    $"WhenDemandAsync waited {TimeFormat.RealSeconds(limit)} of real time for {what}, and the demand is {Demand}. Is the consumer "
                    + "running and reading this sequence? A consumer that waits on timers needs the fake's clock: FakeSequence.Driven<T>(clock).");
            }

            await wait.ConfigureAwait(true);
            return;
        }

        // Inside a run, the run moves the clock and reports a hang naming this waiter; otherwise the wait drives the clock.
        using var waiter = Clock.Waiters.Add(() => $"the test waits for {what} (WhenDemandAsync)");
        var outcome = await Clock.WaitAsync(wait, null, Clock.Runner is null ? Clock.RealTimeGrace : Timeout.InfiniteTimeSpan).ConfigureAwait(true);
        if (outcome.End != WaitEnd.Completed && outcome.Failure is { } failure)
        {
            throw failure;
        }

        await wait.ConfigureAwait(true);
    }

    /// <summary>Starts an enumeration that reads from the shared stream.</summary>
    /// <param name="cancellationToken">The token every <c>MoveNextAsync</c> of this enumeration honours.</param>
    /// <returns>An enumerator over the stream; a recording probe's enumerator when the sequence has a timeline.</returns>
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        _probe?.GetAsyncEnumerator(cancellationToken) ?? CreateEnumerator(cancellationToken);

    /// <summary>Returns the state, for example <c>driven sequence "prices": 2 buffered, demand 0, ended with Complete()</c>.</summary>
    /// <returns>The sequence's name and state.</returns>
    public override string ToString()
    {
        lock (_gate)
        {
            return $"{_recorder.Title}: {_buffer.Count} buffered, demand {_requests.Count}" + (_ending is null ? string.Empty : $", ended with {_ending}");
        }
    }

    private DrivenEnumerator<T> CreateEnumerator(CancellationToken cancellationToken)
    {
        var number = _recorder.Begin();
        _recorder.Activate();
        return new DrivenEnumerator<T>(this, number, cancellationToken);
    }
}
