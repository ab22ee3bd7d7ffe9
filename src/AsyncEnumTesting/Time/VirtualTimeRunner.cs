using System.Diagnostics;

namespace AsyncEnumTesting;

/// <summary>Runs a body on one dedicated thread and moves the clock whenever nothing else can run.</summary>
internal sealed partial class VirtualTimeRunner
{
    private readonly VirtualClock _clock;
    private readonly VirtualTimeOptions _options;
    private readonly object _signal = new();

    // Work posted on the run's own thread needs no lock: only that thread reads it. Work posted from other threads
    // waits in _foreign (guarded by _signal) and joins the tail of _local at the top of the next loop iteration.
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _local = new();
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _foreign = new();
    private readonly Queue<Action> _idle = new();
    private int _foreignCount;
    private bool _timerScheduledElsewhere;
    private Thread? _thread;
    private long _startTicks;
    private long _startFirings;
    private long _realStart;

    public VirtualTimeRunner(VirtualClock clock, VirtualTimeOptions options)
    {
        _clock = clock;
        _options = options;
        Context = new VirtualTimeContext(this);
    }

    /// <summary>Gets the run's single-threaded synchronization context.</summary>
    public VirtualTimeContext Context { get; }

    /// <summary>Gets a value indicating whether the caller runs on the run's own thread.</summary>
    public bool IsOnPumpThread => ReferenceEquals(Thread.CurrentThread, _thread);

    /// <summary>Starts the run on its own thread.</summary>
    public Task<T> Start<T>(Func<VirtualClock, Task<T>> body)
    {
        lock (_clock.Tracker)
        {
            if (_clock.Runner is not null)
            {
                throw new InvalidOperationException(
                    "This VirtualClock is already driven by another VirtualTime.RunAsync call. Give each run its own clock, or await the first run before starting the next.");
            }

            _clock.Runner = this;
        }

        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _thread = new Thread(() => Pump(body, result)) { IsBackground = true, Name = "AsyncEnumTesting virtual time" };
        _thread.Start();
        return result.Task;
    }

    /// <summary>Queues posted work; any thread may call it.</summary>
    public void Enqueue(SendOrPostCallback callback, object? state)
    {
        if (IsOnPumpThread)
        {
            _local.Enqueue((callback, state));
            return;
        }

        lock (_signal)
        {
            _foreign.Enqueue((callback, state));
            _foreignCount++;
            Monitor.Pulse(_signal);
        }
    }

    /// <summary>Wakes the run when another thread scheduled a timer while the run waited for work.</summary>
    /// <remarks>Called under the clock's lock; the run never takes that lock while it holds its own.</remarks>
    public void OnTimerScheduled()
    {
        if (IsOnPumpThread)
        {
            return;
        }

        lock (_signal)
        {
            _timerScheduledElsewhere = true;
            Monitor.Pulse(_signal);
        }
    }

    /// <summary>Returns an awaitable that resumes once every queued work item has run.</summary>
    public IdleAwaitable Idle() => new(this);

    /// <summary>Queues a continuation to run when no ordinary work is queued; only the run's own thread awaits idleness.</summary>
    public void EnqueueIdle(Action continuation)
    {
        if (IsOnPumpThread)
        {
            _idle.Enqueue(continuation);
            return;
        }

        Enqueue(static c => ((Action)c!)(), continuation);
    }

    private void Pump<T>(Func<VirtualClock, Task<T>> body, TaskCompletionSource<T> result)
    {
        SynchronizationContext.SetSynchronizationContext(Context);
        WatchFlow();
        using var faults = new FaultWatch();
        _realStart = Stopwatch.GetTimestamp();
        _startTicks = _clock.NowTicks;
        _startFirings = _clock.TimerFirings;
        Action settle;
        try
        {
            var bodyTask = body(_clock) ?? throw new InvalidOperationException("The virtual-time body returned a null task.");
            Loop(bodyTask);
            settle = Complete(bodyTask, result, faults);
        }
#pragma warning disable CA1031 // Every failure goes to the caller through the result task.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            settle = () => result.TrySetException(ex);
        }

        // Free the clock before the caller can see the outcome, so that it may start the next run on it at once.
        _clock.Runner = null;
        settle();
    }

    private Action Complete<T>(Task<T> bodyTask, TaskCompletionSource<T> result, FaultWatch faults)
    {
        if (bodyTask.IsCanceled)
        {
            return () => result.TrySetCanceled();
        }

        var bodyFault = bodyTask.Exception?.InnerException;
        var unobserved = faults.CollectUnobserved(bodyFault);
        if (bodyFault is not null)
        {
            return () => result.TrySetException(bodyTask.Exception!.InnerExceptions);
        }

        if (unobserved.Count > 0)
        {
            var failure = new VirtualTimeException(
                $"Work started in the virtual-time run failed and nobody awaited it: {Describe(unobserved[0])}" +
                (unobserved.Count > 1 ? $" (and {unobserved.Count - 1} more)" : string.Empty) +
                $". Await the task, or observe its failure. {Clocks()}",
                unobserved.Count == 1 ? unobserved[0] : new AggregateException(unobserved));
            return () => result.TrySetException(failure);
        }

        var value = bodyTask.Result;
        return () => result.TrySetResult(value);
    }

    private void Loop(Task bodyTask)
    {
        var grace = _options.RealTimeGrace;
        var budgetEndTicks = _startTicks > long.MaxValue - _options.VirtualTimeBudget.Ticks
            ? long.MaxValue
            : _startTicks + _options.VirtualTimeBudget.Ticks;
        long iterations = 0;
        while (true)
        {
            if ((++iterations & 255) == 0)
            {
                CheckRealTimeLimit();
            }

            if (Volatile.Read(ref _foreignCount) != 0)
            {
                TakeForeignWork();
            }

            if (_local.TryDequeue(out var work))
            {
                Execute(work);
                _poolSettled = false;
                continue;
            }

            if (bodyTask.IsCompleted)
            {
                return;
            }

            if (_idle.TryDequeue(out var idle))
            {
                idle();
                _poolSettled = false;
                continue;
            }

            if (!_clock.IsAdvancing)
            {
                if (AwaitForeignWork(grace) || SettlePool(grace))
                {
                    continue;
                }

                if (_clock.TimerFirings - _startFirings < _options.MaxTimerFirings && _clock.TryFireNext(budgetEndTicks))
                {
                    _poolSettled = false;
                    continue;
                }

                if (_clock.TryPeekNextDue(out var due))
                {
                    throw OverBudget(due);
                }
            }

            if (!WaitForWork(grace))
            {
                throw Hang(bodyTask);
            }
        }
    }

    private static void Execute((SendOrPostCallback Callback, object? State) work)
    {
        try
        {
            work.Callback(work.State);
        }
        catch (Exception ex)
        {
            // Only an async void method lets an exception escape onto the context.
            throw new VirtualTimeException($"An async void method in the virtual-time run threw {Describe(ex)}. Nothing could await it.", ex);
        }
    }

    private void TakeForeignWork()
    {
        lock (_signal)
        {
            while (_foreign.TryDequeue(out var work))
            {
                _local.Enqueue(work);
            }

            _foreignCount = 0;
        }
    }

    private bool WaitForWork(TimeSpan grace)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(grace.TotalSeconds * Stopwatch.Frequency);
        lock (_signal)
        {
            while (_foreign.Count == 0 && !_timerScheduledElsewhere)
            {
                var remaining = deadline - Stopwatch.GetTimestamp();
                if (remaining <= 0)
                {
                    return false;
                }

                Monitor.Wait(_signal, TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency));
            }

            _timerScheduledElsewhere = false;
            return true;
        }
    }
}
