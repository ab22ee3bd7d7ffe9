using System.Diagnostics;

namespace AsyncEnumTesting;

/// <content>The end of a run: its result counts only once work of it that may have started late has shown itself.</content>
internal sealed partial class VirtualTimeRunner
{
    private static readonly long MaxEndWait = Stopwatch.Frequency / 20;

    /// <summary>
    /// Waits, for a bounded time, while an item that code of the run queued before the clock's last move has not been
    /// reported taken: when its take is reported, it is a late start, and the run must fail instead of ending with a result
    /// that may differ.
    /// </summary>
    /// <remarks>
    /// A pool thread reports a take only after it took the item off the queue; preempted (or suspended for a garbage
    /// collection) in between, it is counted as processing, and in a process whose other threads keep the pool's counts
    /// up (parallel test classes with runs of their own and garbage), the settle cannot tell it from them. The clock then
    /// moves, and the take, reported later, is found late, but the run may have ended before: a window batcher beside
    /// such neighbours ended with its last window one item short in 4 of 2,000 runs, silently, with the channel's
    /// completion of its read taken before the move and reported after the run (stress `--neighbours`, a trace). Most
    /// runs hold no such item at their end and do not wait; an item that is never reported taken (run inline by a waiter,
    /// or moved by a collection before its take) costs the run this wait once, at its end.
    /// </remarks>
    private void AwaitUnreportedTakes()
    {
        var lastMove = Volatile.Read(ref _lastMove);
        if (lastMove == 0 || !PoolTakes.HoldsQueuedBefore(this, lastMove))
        {
            return;
        }

        var until = Stopwatch.GetTimestamp() + MaxEndWait;
        while (Volatile.Read(ref _lateStart) is null && PoolTakes.HoldsQueuedBefore(this, lastMove) && Stopwatch.GetTimestamp() < until)
        {
            // Real time on purpose: a preempted pool thread needs real time to report its take (a late start wakes the run).
            lock (_signal)
            {
                Monitor.Wait(_signal, 1);
            }
        }
    }
}
