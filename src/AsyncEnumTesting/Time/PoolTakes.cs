using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace AsyncEnumTesting;

/// <summary>Remembers, per thread-pool thread, when it last took a work item off the pool's queues, and when that item was queued.</summary>
/// <remarks>
/// <para>
/// A run cannot see a pool thread that took one of its work items but was preempted before switching to the run's
/// execution context (<see cref="VirtualTimeRunner"/>'s settling waits for such threads only for a bounded time). This
/// watch lets the run notice afterwards: the runtime's <c>FrameworkEventSource</c> reports each dequeue synchronously on
/// the thread that dequeued, before the item runs, so when work of the run starts on a pool thread, the time of the take
/// says whether the item was already taken before the clock last moved. Such a late start fails the run loudly instead
/// of leaving it silently different. While a run is active, the watch also stamps each item the pool queues
/// (<see cref="QueueStamps"/>), so an item that waited in a queue across a move (taken only after it) is late too.
/// </para>
/// <para>
/// The stamp also names the run whose code queued the item (the enqueue is reported synchronously on the queuing
/// thread, where the run's flow handler has marked the thread, <see cref="CurrentRun"/>), and the take checks it at
/// once. Some items of a run never switch to the run's execution context: a channel completing a reader that awaits
/// through <c>ValueTask.AsTask</c>, say, runs no code of the run, yet whether it ran before the clock moved decides
/// which task of a <c>Task.WhenAny</c> won. Checked only when the run's code starts, such an item made a run silently
/// different; checked at the take, it fails the run loudly. The kit's own items (the settling marker, the probes
/// below) are queued with <see cref="QueueOwn"/> and belong to no run.
/// </para>
/// <para>
/// The pool reads whether to report only when a thread starts a round of work and every 30 ms within one, so a listener
/// switched on just now misses takes for a while. The watch is therefore switched on once, by the first run of the
/// process, which waits (at most 200 ms) until a take of its own is reported, and stays on for the life of the process:
/// every pool work item then costs about a microsecond more, in test processes that use a run.
/// </para>
/// </remarks>
internal static class PoolTakes
{
    // FrameworkEventSource's ThreadPool keyword and its ThreadPoolEnqueueWork and ThreadPoolDequeueWork events, whose one
    // payload is the work item's address (runtime source, stable since .NET Core 3.0).
    private const string SourceName = "System.Diagnostics.Eventing.FrameworkEventSource";
    private const EventKeywords ThreadPoolKeyword = (EventKeywords)0x0002;
    private const int EnqueueEventId = 30;
    private const int DequeueEventId = 31;

    private static readonly object Gate = new();
    private static readonly QueueStamps Stamps = new();
    private static Listener? s_listener;
    private static long s_moves;
    private static int s_runs;

    [ThreadStatic]
    private static long t_takenAt;

    [ThreadStatic]
    private static VirtualTimeRunner? t_run;

    [ThreadStatic]
    private static bool t_queuingOwn;

    [ThreadStatic]
    private static long t_movesBefore;

    [ThreadStatic]
    private static QueueStamps.Stamp? t_queued;

    /// <summary>Switches the watch on for the life of the process, the first time only, and returns once takes are reported
    /// (or after 200 ms when the pool does not run a probe item in that time).</summary>
    public static void EnsureWatching()
    {
        if (Volatile.Read(ref s_listener) is not null)
        {
            return;
        }

        lock (Gate)
        {
            if (s_listener is not null)
            {
                return;
            }

            var listener = new Listener();
            WaitUntilReported();
            Volatile.Write(ref s_listener, listener);
        }
    }

    /// <summary>Gets or sets the run whose flow the calling thread is in now, kept by the run's flow handler: the run that
    /// owns the items this thread queues.</summary>
    public static VirtualTimeRunner? CurrentRun
    {
        get => t_run;
        set => t_run = value;
    }

    /// <summary>Notes that a run started: the pool's queued items are stamped while any run is active.</summary>
    public static void RunStarted() => Interlocked.Increment(ref s_runs);

    /// <summary>Notes that a run ended; the stamps are forgotten when it was the last one.</summary>
    public static void RunEnded()
    {
        if (Interlocked.Decrement(ref s_runs) == 0)
        {
            Stamps.ClearWhen(static () => Volatile.Read(ref s_runs) == 0);
        }
    }

    /// <summary>Queues an item of the kit's own that belongs to no run, even when the calling thread is in a run's flow.</summary>
    public static void QueueOwn<TState>(Action<TState> callBack, TState state)
    {
        t_queuingOwn = true;
        try
        {
            ThreadPool.UnsafeQueueUserWorkItem(callBack, state, preferLocal: false);
        }
        finally
        {
            t_queuingOwn = false;
        }
    }

    /// <summary>Returns whether an item that code of <paramref name="run"/> queued before clock move <paramref name="move"/>
    /// has not been reported taken yet (still queued, taken by a thread that has not reported it, or run without a take).</summary>
    public static bool HoldsQueuedBefore(VirtualTimeRunner run, long move) => Stamps.HoldsQueuedBefore(run, move);

    /// <summary>Gets how many clock moves of all runs in the process have been numbered so far.</summary>
    public static long MovesSoFar => Volatile.Read(ref s_moves);

    /// <summary>Numbers a clock move of any run in the process; a take with a lower count came before that move.</summary>
    /// <returns>The move's number, from 1.</returns>
    public static long NextMove() => Interlocked.Increment(ref s_moves);

    /// <summary>Returns when the calling pool thread took its current work item (and, when known, when the item was queued)
    /// and how many moves had been numbered by then, and forgets it, so that later switches inside the same item are not
    /// taken for its start; null when unknown.</summary>
    public static Take? TakeStart()
    {
        if (t_takenAt == 0)
        {
            return null;
        }

        var take = new Take(t_takenAt, t_movesBefore, t_queued);
        t_takenAt = 0;
        return take;
    }

    /// <summary>Queues probe items until one finds its own take reported, for 200 ms at most.</summary>
    private static void WaitUntilReported()
    {
        var until = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 5);
        // Not disposed: a probe item the wait gave up on may still release it.
        var ran = new SemaphoreSlim(0);
        var reported = 0;
        while (Volatile.Read(ref reported) == 0 && Stopwatch.GetTimestamp() < until)
        {
            QueueOwn<object?>(
                _ =>
                {
                    if (TakeStart() is not null)
                    {
                        Volatile.Write(ref reported, 1);
                    }

                    ran.Release();
                },
                null);
            ran.Wait(TimeSpan.FromTicks(Math.Max(0, until - Stopwatch.GetTimestamp()) * TimeSpan.TicksPerSecond / Stopwatch.Frequency));
        }
    }

    private sealed class Listener : EventListener
    {
        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == SourceName)
            {
                EnableEvents(eventSource, EventLevel.Verbose, ThreadPoolKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            switch (eventData.EventId)
            {
                case EnqueueEventId when Volatile.Read(ref s_runs) > 0 && eventData.Payload is [long queued, ..]:
                    Stamps.Queued(queued, MovesSoFar, t_queuingOwn ? null : t_run);
                    break;
                case DequeueEventId:
                    t_movesBefore = Volatile.Read(ref s_moves);
                    t_takenAt = Stopwatch.GetTimestamp();
                    t_queued = Stamps.Count == 0 || eventData.Payload is not [long taken, ..] ? null : Stamps.Taken(taken);
                    if (t_queued is { Run: { } run } stamp)
                    {
                        run.NoteTaken(stamp);
                    }

                    break;
            }
        }
    }
}

/// <summary>When a pool thread took its current work item, and when that item was queued.</summary>
/// <param name="At">The <see cref="Stopwatch"/> timestamp of the take.</param>
/// <param name="Moves">How many clock moves had been numbered before the take.</param>
/// <param name="Queued">When the item was queued, known for items queued while a run was active.</param>
internal readonly record struct Take(long At, long Moves, QueueStamps.Stamp? Queued);
