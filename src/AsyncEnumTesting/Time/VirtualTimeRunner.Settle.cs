using System.Diagnostics;

namespace AsyncEnumTesting;

/// <content>Settling: the clock does not move while work of the run is queued or running on other threads.</content>
/// <remarks>
/// <para>
/// Production code leaves the run's thread whatever the test does: <c>Task.Run</c>, continuations that captured no context
/// (<c>ConfigureAwait(false)</c>, also inside BCL code such as <c>ChannelReader.ReadAllAsync</c>) of primitives that complete
/// their waiters asynchronously (default channels, <c>SemaphoreSlim</c>), <c>Task.Yield()</c> off the run's context. Such work
/// still flows the run's execution context, so an <see cref="AsyncLocal{T}"/> with a change handler sees each piece start
/// and end on a pool thread (<see cref="_active"/>).
/// </para>
/// <para>
/// Work that is queued or taken but not started is invisible to that handler, so the pool's own counts stand in for it.
/// After anything ran, the clock may move at once when the pool has nothing queued and no more threads processing work
/// than the threads blocked elsewhere for good (<see cref="PoolFloor"/>). Otherwise the run sends a marker through the
/// pool's global queue, which is first in, first out, and waits for it,
/// then waits (bounded) while threads beyond the floor still process: a thread that took an item of the run and was
/// preempted before switching to the run's context is one of them. Only with nothing of the run running, posted, queued
/// or taken does the next timer fire. docs/reliability.md has the measured runs, and what is not exact.
/// </para>
/// <para>
/// Each of those readings is a snapshot, taken one after another, and an item of the run can go through every stage
/// between two of them: taken (but not started) when the run reads what runs, started, done and gone (having posted the
/// body's continuation) when it reads the pool. So the settle reads how many items of the run ever started before anything
/// else (<see cref="_entered"/>), and the clock moves only when that count, nothing running and nothing posted still hold
/// after the pool read idle (<see cref="Quiet"/>), and again once the move is numbered (<see cref="MayMove"/>).
/// </para>
/// <para>
/// The wait for a thread that took an item is bounded, so a thread preempted for longer can still start work of the run
/// after the clock moved. That run does not go on silently: <see cref="PoolTakes"/> knows when each pool thread took its
/// item, the flow handler compares it with the last move (<see cref="MayMove"/>), and the run fails with a late start.
/// </para>
/// </remarks>
internal sealed partial class VirtualTimeRunner
{
    private static readonly long MaxStragglerWait = Stopwatch.Frequency / 50;
    private static readonly long MinStragglerWait = Stopwatch.Frequency / 1_000;

    /// <summary>
    /// A test seam, set by reflection in the kit's own tests only (PoolHopTests.SettleOrder): runs on the run's thread
    /// between the settle's reading of what runs and its reading of the pool, where an item of the run can pass unseen.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE0044", Justification = "Set by reflection in tests.")]
    private static Action? s_betweenReadings;
    private AsyncLocal<VirtualTimeRunner?>? _flow;
    private int _active;
    private volatile bool _dirty = true;
    private long _stragglerWait = MaxStragglerWait;
    private int _floor;
    private long _lastMove;
    private LateStart? _lateStart;
    private int _entered;

    /// <summary>Gets whether work of the run started on a thread-pool thread (counted by the flow handler).</summary>
    internal bool RanPoolWork => Volatile.Read(ref _entered) > 0;
    private int _settledEntered;

    private enum Settled
    {
        /// <summary>Nothing of the run is in flight: the clock may move.</summary>
        Quiet,

        /// <summary>Work arrived on the run's queue: run it first.</summary>
        Busy,

        /// <summary>Work of the run kept running elsewhere for the whole grace.</summary>
        StuckElsewhere,
    }

    /// <summary>Marks the calling flow (the run's thread at its start) as this run's, so its hops can be seen.</summary>
    private void WatchFlow()
    {
        _floor = PoolFloor.Find();
        _flow = new AsyncLocal<VirtualTimeRunner?>(OnFlowChanged) { Value = this };
        PoolTakes.CurrentRun = this;
    }

    /// <summary>Waits until no work of the run is running or queued on other threads, or something arrives for the run.</summary>
    private Settled Settle(TimeSpan grace)
    {
        // The deadline is read off the clock only when the settle has to wait: most settles do not, once per event.
        long deadline = 0;
        while (true)
        {
            // Read before anything else: see Quiet.
            var entered = Volatile.Read(ref _entered);
            if (Volatile.Read(ref _foreignCount) != 0)
            {
                return Settled.Busy;
            }

            if (Volatile.Read(ref _active) > 0)
            {
                if (!WaitWhileActive(Deadline(ref deadline, grace)))
                {
                    return Settled.StuckElsewhere;
                }

                _dirty = true;
                continue;
            }

            s_betweenReadings?.Invoke();
            if (!_dirty)
            {
                // A marker round with nothing of the run seen since. A pool thread that took an item of the run but has
                // not started it yet is still counted as processing: give it its chance (see WaitForStragglers).
                if (!WaitForStragglers())
                {
                    return Settled.Busy;
                }

                if (Quiet(entered))
                {
                    return Settled.Quiet;
                }

                continue;
            }

            // What the pool holds now was queued before this point: nothing queued, nothing processing beyond the
            // threads that are blocked elsewhere for good, means nothing of the run can be in flight (but see Quiet).
            if (PoolIdle())
            {
                if (Quiet(entered))
                {
                    return Settled.Quiet;
                }

                continue;
            }

            _dirty = false;
            _markerStuck = !SendMarker(Deadline(ref deadline, grace));
            if (_markerStuck)
            {
                // A starved pool (every thread blocked elsewhere): nothing of the run runs, so move on. Should the body
                // then wait for good, the diagnosis names the starved pool (work of the run may sit in its queue).
                if (Quiet(entered))
                {
                    return Settled.Quiet;
                }

                _dirty = true;
            }
        }
    }

    /// <summary>
    /// Returns whether, now that the pool read idle, still nothing of the run runs or was posted to it and no item of the
    /// run started since <paramref name="entered"/> was read at the top of the settle's pass.
    /// </summary>
    /// <remarks>
    /// Without this second look, an item that a pool thread had taken but not yet started when the settle read what runs,
    /// and that started, posted the body's continuation and ended before the settle read the pool, passed every reading:
    /// the clock moved with the continuation still waiting in the run's queue. A PeriodicTimer loop in Task.Run writing
    /// each tick into a default channel the body waits on saw a tick's item only at the next tick in 1 to 3 runs in
    /// 10,000 (stress scenario `ticks`; a trace of the settle showed the item start 39 µs after its take). An item that
    /// starts later than this look is held back by <see cref="MayMove"/>, or found late by the take stamps.
    /// </remarks>
    private bool Quiet(int entered)
    {
        if (Volatile.Read(ref _foreignCount) != 0 || Volatile.Read(ref _active) != 0 || Volatile.Read(ref _entered) != entered)
        {
            return false;
        }

        _settledEntered = entered;
        return true;
    }

    private static long Deadline(ref long deadline, TimeSpan grace)
    {
        if (deadline == 0)
        {
            deadline = Stopwatch.GetTimestamp() + (long)(grace.TotalSeconds * Stopwatch.Frequency);
        }

        return deadline;
    }

    /// <summary>Numbers a clock move about to happen, then checks that no work of the run started meanwhile.</summary>
    /// <returns><see langword="false"/> when work of the run started after the run settled: settle again.</returns>
    /// <remarks>
    /// The note and the flow handler's counts form a pair (each side writes, fences, then reads the other's), so work that
    /// starts on a pool thread either holds this move back or sees its time and checks when its thread took it. Work that
    /// started and ended since the settle (<see cref="_entered"/>) holds the move back too, as does anything it posted.
    /// </remarks>
    private bool MayMove()
    {
        var previous = _lastMove;
        Volatile.Write(ref _lastMove, PoolTakes.NextMove());
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _active) == 0 && Volatile.Read(ref _entered) == _settledEntered && Volatile.Read(ref _foreignCount) == 0)
        {
            return true;
        }

        // The clock stays: items queued or taken meanwhile are not late for a move that did not happen.
        Volatile.Write(ref _lastMove, previous);
        return false;
    }

    /// <summary>Returns whether the pool holds nothing queued and no more threads process work than the floor.</summary>
    private bool PoolIdle() => ThreadPool.PendingWorkItemCount == 0 && PoolFloor.Reached(ref _floor);

    /// <summary>Waits, for a bounded time, while the pool holds queued work or more threads process work than the floor.</summary>
    /// <returns><see langword="false"/> when work of the run started meanwhile.</returns>
    /// <remarks>
    /// Between taking an item off its queue and switching to the item's execution context, a pool thread is invisible to
    /// the flow handler; on a loaded machine it can be preempted right there for milliseconds. It is counted as processing
    /// all along, so the run waits while the count stays above the floor. The marker only proves the global queue drained:
    /// an item of the run can still sit in the local queue of a pool thread that is preempted, so the run also waits while
    /// anything is queued. Other tests' pool work raises the counts too: a
    /// wait that ends without seeing anything of the run halves the next wait (down to a millisecond), one that catches
    /// work of the run restores it.
    /// </remarks>
    private bool WaitForStragglers()
    {
        if (PoolIdle())
        {
            return true;
        }

        var until = Stopwatch.GetTimestamp() + _stragglerWait;
        var spinner = default(SpinWait);
        while (Stopwatch.GetTimestamp() < until)
        {
            if (Volatile.Read(ref _active) > 0 || Volatile.Read(ref _foreignCount) != 0)
            {
                _stragglerWait = MaxStragglerWait;
                return false;
            }

            if (PoolIdle())
            {
                return true;
            }

            spinner.SpinOnce(sleep1Threshold: -1);
        }

        _stragglerWait = Math.Max(_stragglerWait / 2, MinStragglerWait);
        return true;
    }

    /// <summary>Waits until no work of the run runs elsewhere, or work is posted to the run.</summary>
    /// <returns><see langword="false"/> when the deadline passed with work still running elsewhere.</returns>
    private bool WaitWhileActive(long deadline)
    {
        lock (_signal)
        {
            while (Volatile.Read(ref _active) > 0 && _foreign.Count == 0)
            {
                var remaining = deadline - Stopwatch.GetTimestamp();
                if (remaining <= 0)
                {
                    return false;
                }

                Monitor.Wait(_signal, TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency));
            }

            return true;
        }
    }
}
