using System.Diagnostics;

namespace AsyncEnumTesting;

/// <content>Work of the run that hopped to the thread pool: the run does not move the clock while it is in flight.</content>
/// <remarks>
/// Some awaits leave the run's thread whatever the caller does: a continuation that captured no context
/// (<c>ConfigureAwait(false)</c>, also inside BCL code such as <c>ChannelReader.ReadAllAsync</c>) of a primitive that completes
/// its waiters asynchronously (channels, <c>SemaphoreSlim</c>) runs on the thread pool, and so does <c>Task.Run</c>. Such work
/// still flows the run's execution context, so an <see cref="AsyncLocal{T}"/> with a change handler sees it start and end
/// on pool threads, and the run does not fire the next timer while any of it runs. A hop that is queued but not yet
/// started is invisible: the next timer may fire first.
/// </remarks>
internal sealed partial class VirtualTimeRunner
{
    private AsyncLocal<VirtualTimeRunner?>? _flow;
    private int _foreignActive;
    private volatile bool _foreignStallAccepted;

    /// <summary>Marks the calling flow (the run's thread at its start) as this run's, so its hops can be seen.</summary>
    private void WatchFlow()
    {
        _flow = new AsyncLocal<VirtualTimeRunner?>(OnFlowChanged) { Value = this };
    }

    /// <summary>Waits, when the run's work runs on other threads, until it ends, or accepts the stall after the grace.</summary>
    /// <returns><see langword="true"/> when the caller should look for work again instead of moving the clock.</returns>
    private bool AwaitForeignWork(TimeSpan grace)
    {
        if (_foreignStallAccepted)
        {
            return false;
        }

        if (Volatile.Read(ref _foreignActive) == 0)
        {
            return false;
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(grace.TotalSeconds * Stopwatch.Frequency);
        lock (_signal)
        {
            while (Volatile.Read(ref _foreignActive) > 0)
            {
                var remaining = deadline - Stopwatch.GetTimestamp();
                if (remaining <= 0)
                {
                    // Slow or blocked work elsewhere (a task.Wait() on a virtual timer?) must not stall the run forever.
                    _foreignStallAccepted = true;
                    break;
                }

                Monitor.Wait(_signal, TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency));
            }
        }

        return true;
    }

    private void OnFlowChanged(AsyncLocalValueChangedArgs<VirtualTimeRunner?> change)
    {
        if (!change.ThreadContextChanged || IsOnPumpThread)
        {
            return;
        }

        if (change.CurrentValue == this && change.PreviousValue != this)
        {
            Interlocked.Increment(ref _foreignActive);
        }
        else if (change.PreviousValue == this && change.CurrentValue != this && Interlocked.Decrement(ref _foreignActive) == 0)
        {
            _foreignStallAccepted = false;
            lock (_signal)
            {
                Monitor.PulseAll(_signal);
            }
        }
    }
}
