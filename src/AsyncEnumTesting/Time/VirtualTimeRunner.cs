using System.Diagnostics;

namespace AsyncEnumTesting;

/// <summary>Runs a body on one dedicated thread and moves the clock only when every piece of the run's work is done.</summary>
/// <remarks>
/// One loop decides everything: run queued work; when none is left, settle (wait until no work of the run is in flight
/// on other threads, <see cref="Settle"/>); then fire the next timer. A watchdog on another thread fails the run when
/// its own thread stops coming back to the loop (<see cref="Watchdog"/>), so a blocked body fails instead of hanging.
/// </remarks>
internal sealed partial class VirtualTimeRunner
{
    /// <summary>The message for a body that returned no task.</summary>
    internal const string NullBody =
        "The virtual-time body returned a null task. Return the task of the async work (make the lambda async, or return Task.CompletedTask).";

    private static readonly TimeSpan MinBlockedLimit = TimeSpan.FromSeconds(1);
    private readonly VirtualClock _clock;
    private readonly VirtualTimeOptions _options;
    private readonly object _signal = new();

    // Work posted on the run's own thread needs no lock: only that thread reads it. Work posted from other threads
    // waits in _foreign (guarded by _signal) and joins the tail of _local at the top of the next loop iteration.
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _local = new();
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _foreign = new();
    private int _foreignCount;
    private bool _wakeRequested;
    private Thread? _thread;
    private long _startTicks;
    private long _startFirings;
    private long _realStart;

    public VirtualTimeRunner(VirtualClock clock, VirtualTimeOptions options, Schedule? schedule = null)
    {
        _clock = clock;
        _options = options;
        _schedule = schedule ?? (options.ScheduleSeed is { } seed ? Schedule.Seeded(seed) : null);
        Context = new VirtualTimeContext(this);
    }

    /// <summary>Gets the run's single-threaded synchronization context.</summary>
    public VirtualTimeContext Context { get; }

    /// <summary>Gets a value indicating whether the caller runs on the run's own thread.</summary>
    public bool IsOnPumpThread => ReferenceEquals(Thread.CurrentThread, _thread);

    /// <summary>Starts the run on its own thread.</summary>
    public Task<T> Start<T>(Func<VirtualClock, Task<T>> body)
    {
        _clock.Attach(this);
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _thread = new Thread(() => Pump(body, result)) { IsBackground = true, Name = "AsyncEnumTesting virtual time" };
        _thread.Start();
        return result.Task;
    }

    private void Pump<T>(Func<VirtualClock, Task<T>> body, TaskCompletionSource<T> result)
    {
        SynchronizationContext.SetSynchronizationContext(Context);
        WatchFlow();
        using var faults = _options.ReportUnobservedFaults ? new FaultWatch() : null;
        PoolTakes.EnsureWatching();
        PoolTakes.RunStarted();
        _realStart = Stopwatch.GetTimestamp();
        _startTicks = _clock.NowTicks;
        _startFirings = _clock.TimerFirings;
        // At least a second: a short grace is for waits on other threads; the run's own thread can lose that much to a
        // loaded machine (preemption, a JIT, a collection) without being blocked.
        var blockedAfter = _options.RealTimeGrace > MinBlockedLimit ? _options.RealTimeGrace : MinBlockedLimit;
        var watchdog = new Watchdog(blockedAfter, since => result.TrySetException(Blocked(since)));
        Action settle;
        try
        {
            watchdog.Enter();
            var bodyTask = body(_clock);
            watchdog.Exit();
            if (bodyTask is null)
            {
                throw new InvalidOperationException(NullBody);
            }

            bodyTask.ContinueWith(static (_, r) => ((VirtualTimeRunner)r!).Wake(), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            Loop(bodyTask, watchdog);
            settle = watchdog.HasFired ? static () => { } : Complete(bodyTask, result, faults);
        }
#pragma warning disable CA1031 // Every failure goes to the caller through the result task.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            settle = () => result.TrySetException(ex);
        }

        watchdog.Dispose();
        PoolTakes.RunEnded();

        // Free the clock before the caller can see the outcome, so that it may start the next run on it at once.
        _clock.Detach(this);
        settle();
    }

    private Action Complete<T>(Task<T> bodyTask, TaskCompletionSource<T> result, FaultWatch? faults)
    {
        if (bodyTask.IsCanceled)
        {
            return () => result.TrySetCanceled();
        }

        var bodyFault = bodyTask.Exception?.InnerException;
        var unobserved = faults?.CollectUnobserved(bodyFault) ?? [];
        if (bodyFault is not null && unobserved.Count == 0)
        {
            return () => result.TrySetException(bodyTask.Exception!.InnerExceptions);
        }

        if (bodyFault is not null)
        {
            // The forgotten failure may be why the body failed (a producer that died before completing a channel the body
            // reads): the body's failure alone would hide it.
            var failure = new VirtualTimeException(
                $"The body failed: {MessageFormat.Exception(bodyFault)}{Environment.NewLine}Work started in the virtual-time run also failed and nobody " +
                $"awaited it: {Describe(unobserved)}. It may be the cause of the body's failure: await that work, or observe its failure. {Clocks()}",
                new AggregateException([.. bodyTask.Exception!.InnerExceptions, .. unobserved]));
            return () => result.TrySetException(failure);
        }

        if (unobserved.Count > 0)
        {
            var failure = new VirtualTimeException(
                $"Work started in the virtual-time run failed and nobody awaited it: {Describe(unobserved)}. Await the task, or observe its failure. {Clocks()}",
                unobserved.Count == 1 ? unobserved[0] : new AggregateException(unobserved));
            return () => result.TrySetException(failure);
        }

        if (_clock.StillOpen() is { Count: > 0 } open)
        {
            var failure = new VirtualTimeException(
                $"The virtual-time run ended with {open.Count} reader(s) never disposed: {string.Join("; ", open)}. Dispose each reader " +
                "(await using var reader = source.OpenReader(clock)): disposing stops the source and checks that every event was consumed. " +
                Clocks());
            return () => result.TrySetException(failure);
        }

        var value = bodyTask.Result;
        return () => result.TrySetResult(value);
    }

    private void Loop(Task bodyTask, Watchdog watchdog)
    {
        var budgetEndTicks = _startTicks > long.MaxValue - _options.VirtualTimeLimit.Ticks
            ? long.MaxValue
            : _startTicks + _options.VirtualTimeLimit.Ticks;
        long iterations = 0;
        long progress = 0;
        long recheckedAt = -1;
        while (!watchdog.HasFired)
        {
            if ((++iterations & 255) == 0)
            {
                CheckRealTimeLimit();
            }

            if (Volatile.Read(ref _foreignCount) != 0)
            {
                TakeForeignWork();
            }

            ThrowIfLateStart();
            if (TryFireTie())
            {
                continue;
            }

            if (TryTakeLocal(out var work))
            {
                progress++;
                Execute(work, watchdog);
                continue;
            }

            if (bodyTask.IsCompleted)
            {
                // A late start noted since the top of this pass still spoils the run that just ended, and so does one that
                // is only about to be noted (see AwaitUnreportedTakes).
                AwaitUnreportedTakes();
                ThrowIfLateStart();
                return;
            }

            switch (Settle(_options.RealTimeGrace))
            {
                case Settled.Busy:
                    continue;
                case Settled.StuckElsewhere:
                    throw StuckElsewhere(bodyTask);
            }

            if (_clock.TryPeekNext(out var due, out var isDeadline))
            {
                if (due > budgetEndTicks || _clock.TimerFirings - _startFirings >= _options.MaxTimerFirings)
                {
                    throw OverBudget(due);
                }

                // The kit's own deadlines (a reader's or an assertion's timeout) fire only after the run stayed quiet for the
                // grace: real work the runner cannot see (real I/O, a real delay) may still complete what they guard.
                if (isDeadline && WaitForWork(_options.RealTimeGrace))
                {
                    continue;
                }

                if (!MayMove())
                {
                    continue;
                }

                watchdog.Enter();
                _clock.TryFireNext(due, _schedule);
                watchdog.Exit();
                progress++;
                _dirty = true;
                _tieTick = _schedule is null ? -1 : _clock.NowTicks;
                continue;
            }

            if (!WaitForWork(_options.RealTimeGrace))
            {
                // A marker that comes through late means a busy pool, not a starved one: look once more (once per step of
                // progress, so a pool that stays slow cannot keep the run from its diagnosis).
                if (_markerStuck && MarkerCameThrough(_options.RealTimeGrace) && progress != recheckedAt)
                {
                    recheckedAt = progress;
                    continue;
                }

                throw Hang(bodyTask);
            }
        }
    }

    private void Execute((SendOrPostCallback Callback, object? State) work, Watchdog watchdog)
    {
        watchdog.Enter();
        _dirty = true;
        try
        {
            work.Callback(work.State);
            watchdog.Exit();
        }
        catch (Exception ex)
        {
            // Only an async void method lets an exception escape onto the context.
            throw new VirtualTimeException($"An async void method in the virtual-time run threw {MessageFormat.Exception(ex)}. Nothing could await it. {Clocks()}", ex);
        }
    }

    /// <summary>Waits up to <paramref name="grace"/> for work posted from another thread or another reason to look again.</summary>
    /// <returns><see langword="false"/> when the grace passed with nothing to do.</returns>
    private bool WaitForWork(TimeSpan grace)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(grace.TotalSeconds * Stopwatch.Frequency);
        lock (_signal)
        {
            while (_foreign.Count == 0 && !_wakeRequested && Volatile.Read(ref _active) == 0)
            {
                var remaining = deadline - Stopwatch.GetTimestamp();
                if (remaining <= 0)
                {
                    return false;
                }

                Monitor.Wait(_signal, TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency));
            }

            _wakeRequested = false;
            return true;
        }
    }
}
