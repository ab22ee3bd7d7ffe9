using System.Runtime.ExceptionServices;

namespace AsyncEnumTesting;

/// <summary>Plays one enumeration of a <see cref="ScriptedSequence{T}"/>.</summary>
internal sealed class ScriptedEnumerator<T> : IAsyncEnumerator<T>
{
    private readonly ScriptedSequence<T> _owner;
    private readonly ScriptStep<T>[] _steps;
    private readonly Misbehavior _misbehavior;
    private readonly int _number;
    private readonly CancellationToken _token;
    private readonly long _originTicks;
    private readonly long _skipBeforeTicks;
    private int _index;
    private int _generated;
    private long _dueTicks;
    private EnumeratorGuard _guard;
    private bool _finished;
    private T _current = default!;

    public ScriptedEnumerator(ScriptedSequence<T> owner, ScriptStep<T>[] steps, Misbehavior misbehavior, int number, CancellationToken token)
    {
        _owner = owner;
        _steps = steps;
        _misbehavior = misbehavior;
        _number = number;
        _token = token;
        var now = owner.Clock?.NowTicks ?? 0;

        // A hot source keeps its own time: this enumeration joins it now and misses what was due before.
        _originTicks = owner.HotOriginTicks ?? now;
        _skipBeforeTicks = owner.HotOriginTicks is null ? long.MinValue : now - _originTicks;
    }

    public T Current => _current;

    private FakeRecorder Recorder => _owner.Recorder;

    private bool HonoursToken => (_misbehavior & (Misbehavior.IgnoreCancellation | Misbehavior.YieldAfterCancellation)) == 0;

    private CancellationToken WaitToken => _misbehavior.HasFlag(Misbehavior.IgnoreCancellation) ? CancellationToken.None : _token;

    public ValueTask<bool> MoveNextAsync()
    {
        _guard.Enter(Recorder.Title, _number, _owner.Clock);
        var result = MoveNextCoreAsync();
        if (result.IsFaulted && _misbehavior.HasFlag(Misbehavior.ThrowSynchronously))
        {
            // Throws here, synchronously, instead of handing the caller a faulted task.
            return new ValueTask<bool>(result.GetAwaiter().GetResult());
        }

        return result;
    }

    public ValueTask DisposeAsync()
    {
        if (_guard.BeginDispose(Recorder.Title, _number))
        {
            _finished = true;
            Recorder.Disposed();
        }
        if (_misbehavior.HasFlag(Misbehavior.ThrowOnDispose))
        {
            var error = new InvalidOperationException(
                $"{Recorder.Title} #{_number} threw from DisposeAsync on purpose (Misbehavior.ThrowOnDispose).");
            return ValueTask.FromException(error);
        }

        return default;
    }

    private async ValueTask<bool> MoveNextCoreAsync()
    {
        try
        {
            if (_finished)
            {
                return false;
            }

            if (_misbehavior.HasFlag(Misbehavior.CompleteAsynchronously))
            {
                await Task.Yield();
            }

            if (HonoursToken)
            {
                _token.ThrowIfCancellationRequested();
            }

            return await PlayAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (ex.CancellationToken == _token && _token.IsCancellationRequested)
        {
            _finished = true;
            throw;
        }
        finally
        {
            _guard.Exit();
        }
    }

    private async ValueTask<bool> PlayAsync()
    {
        while (_index < _steps.Length)
        {
            var step = _steps[_index];
            switch (step.Kind)
            {
                case ScriptStepKind.Item:
                    _index++;
                    if (_dueTicks < _skipBeforeTicks)
                    {
                        continue; // a hot source's item that happened before this enumeration joined
                    }

                    return Yield(step.Item);
                case ScriptStepKind.Wait:
                    _index++;
                    await WaitAsync(step.Time).ConfigureAwait(false);
                    _dueTicks = NowTicks - _originTicks;
                    break;
                case ScriptStepKind.WaitUntil:
                    _index++;
                    _dueTicks = step.Time.Ticks;
                    await WaitAsync(TimeSpan.FromTicks(_originTicks + _dueTicks - NowTicks)).ConfigureAwait(false);
                    break;
                case ScriptStepKind.Fail:
                    _finished = true;
                    ExceptionDispatchInfo.Throw(step.Error!);
                    break;
                case ScriptStepKind.Complete:
                    return Complete();
                case ScriptStepKind.HangUntilCanceled:
                    await HangAsync(WaitToken, "HangUntilCanceled()").ConfigureAwait(false); // ends only by throwing
                    break;
                case ScriptStepKind.HangIgnoringCancellation:
                    await HangAsync(CancellationToken.None, "HangIgnoringCancellation()").ConfigureAwait(false); // never ends
                    break;
                case ScriptStepKind.Generate:
                    await WaitAsync(step.Time).ConfigureAwait(false);
                    return Yield(step.Generator!(_generated++));
                default:
                    throw new InvalidOperationException($"Unknown script step {step.Kind}.");
            }
        }

        return Complete();
    }

    private long NowTicks => _owner.Clock?.NowTicks ?? 0;

    private bool Yield(T item)
    {
        _current = item;
        return true;
    }

    private bool Complete()
    {
        _finished = true;
        return false;
    }

    private async Task WaitAsync(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            var clock = _owner.Clock!;
            var since = clock.Elapsed;
            var undriven = new TaskCompletionSource();
            using var waiter = clock.Waiters.Add(
                () => $"{Recorder.Title} #{_number} waits in MoveNextAsync (Wait({TimeFormat.Elapsed(delay)})) since {TimeFormat.Elapsed(since)}",
                ex => undriven.TrySetException(ex));
            var wait = Task.Delay(delay, clock, WaitToken);
            if (await Task.WhenAny(wait, undriven.Task).ConfigureAwait(false) == undriven.Task)
            {
                await undriven.Task.ConfigureAwait(false);
            }

            await wait.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_misbehavior.HasFlag(Misbehavior.YieldAfterCancellation))
        {
            // Misbehaves on purpose: the cancelled wait ends early and the script goes on.
        }
    }

    private async Task HangAsync(CancellationToken token, string step)
    {
        var since = _owner.Clock?.Elapsed ?? TimeSpan.Zero;
        var hang = new TaskCompletionSource();
        using var waiter = _owner.Clock?.Waiters.Add(
            () => $"{Recorder.Title} #{_number} waits in MoveNextAsync ({step}) since {TimeFormat.Elapsed(since)}",
            ex => hang.TrySetException(ex));
        using var registration = token.Register(() => hang.TrySetCanceled(token));
        await hang.Task.ConfigureAwait(false);
    }
}
