using System.Diagnostics;

namespace AsyncEnumTesting;

/// <content>Watching the run's flow on other threads: work of the run starting and ending there, and work that starts late.</content>
internal sealed partial class VirtualTimeRunner
{
    /// <summary>Remembers the first work of the run that was queued or taken before the clock moved and started after.</summary>
    /// <param name="since">The <see cref="Stopwatch"/> timestamp of the take, or of the queuing.</param>
    /// <param name="whileQueued">Whether the clock moved while the work was still queued.</param>
    internal void NoteLateStart(long since, bool whileQueued)
    {
        var late = new LateStart(Stopwatch.GetElapsedTime(since), TimeSpan.FromTicks(_clock.NowTicks - _startTicks), whileQueued);
        if (Interlocked.CompareExchange(ref _lateStart, late, null) is null)
        {
            Wake();
        }
    }

    /// <summary>Checks an item that code of this run queued, taken by a pool thread just now: late when the clock moved since.</summary>
    /// <remarks>Called on the pool thread, before the item runs; it may never switch to the run's context at all.</remarks>
    internal void NoteTaken(QueueStamps.Stamp stamp)
    {
        if (stamp.Moves < Volatile.Read(ref _lastMove))
        {
            NoteLateStart(stamp.At, whileQueued: true);
        }
    }

    private void OnFlowChanged(AsyncLocalValueChangedArgs<VirtualTimeRunner?> change)
    {
        if (!change.ThreadContextChanged)
        {
            return;
        }

        if (change.CurrentValue == this)
        {
            PoolTakes.CurrentRun = this;
        }
        else if (change.PreviousValue == this && PoolTakes.CurrentRun == this)
        {
            PoolTakes.CurrentRun = null;
        }

        if (IsOnPumpThread)
        {
            return;
        }

        if (change.CurrentValue == this && change.PreviousValue != this)
        {
            // Counted before it runs, so that a settle that read the count before this item started sees that it did.
            Interlocked.Increment(ref _entered);
            Interlocked.Increment(ref _active);
            if (PoolTakes.TakeStart() is { } take)
            {
                var lastMove = Volatile.Read(ref _lastMove);
                if (take.Moves < lastMove)
                {
                    NoteLateStart(take.At, whileQueued: false);
                }
                else if (take.Queued is { } queued && queued.Moves < lastMove)
                {
                    NoteLateStart(queued.At, whileQueued: true);
                }
            }
        }
        else if (change.PreviousValue == this && change.CurrentValue != this && Interlocked.Decrement(ref _active) == 0)
        {
            _dirty = true;
            lock (_signal)
            {
                Monitor.PulseAll(_signal);
            }
        }
    }
}
