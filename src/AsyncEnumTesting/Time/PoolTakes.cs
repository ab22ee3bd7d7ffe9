using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace AsyncEnumTesting;

/// <summary>Remembers, per thread-pool thread, when it last took a work item off the pool's queues.</summary>
/// <remarks>
/// <para>
/// A run cannot see a pool thread that took one of its work items but was preempted before switching to the run's
/// execution context (<see cref="VirtualTimeRunner"/>'s settling waits for such threads only for a bounded time). This
/// watch lets the run notice afterwards: the runtime's <c>FrameworkEventSource</c> reports each dequeue synchronously on
/// the thread that dequeued, before the item runs, so when work of the run starts on a pool thread, the time of the take
/// says whether the item was already taken before the clock last moved. Such a late start fails the run loudly instead
/// of leaving it silently different.
/// </para>
/// <para>
/// The events cost every pool work item in the process about a microsecond, so they are on only while a run is active
/// (counted across runs): the first run switches them on, the last one to end switches them off.
/// </para>
/// </remarks>
internal static class PoolTakes
{
    // FrameworkEventSource's ThreadPool keyword and its ThreadPoolDequeueWork event (runtime source, stable since .NET Core 3.0).
    private const string SourceName = "System.Diagnostics.Eventing.FrameworkEventSource";
    private const EventKeywords ThreadPoolKeyword = (EventKeywords)0x0002;
    private const int DequeueEventId = 31;

    private static readonly object Gate = new();
    private static Listener? s_listener;
    private static int s_users;

    private static long s_moves;

    [ThreadStatic]
    private static long t_takenAt;

    [ThreadStatic]
    private static long t_movesBefore;

    /// <summary>Starts watching (or joins the watch already on) for as long as the returned handle is not disposed.</summary>
    public static IDisposable Watch()
    {
        lock (Gate)
        {
            if (s_users++ == 0)
            {
                s_listener = new Listener();
            }
        }

        return new Handle();
    }

    /// <summary>Numbers a clock move of any run in the process; a take with a lower count came before that move.</summary>
    /// <returns>The move's number, from 1.</returns>
    public static long NextMove() => Interlocked.Increment(ref s_moves);

    /// <summary>Returns when the calling pool thread took its current work item and how many moves had been numbered by
    /// then, and forgets it, so that later switches inside the same item are not taken for its start; null when unknown.</summary>
    public static Take? TakeStart()
    {
        if (t_takenAt == 0)
        {
            return null;
        }

        var take = new Take(t_takenAt, t_movesBefore);
        t_takenAt = 0;
        return take;
    }

    private static void Unwatch()
    {
        Listener? stopping = null;
        lock (Gate)
        {
            if (--s_users == 0)
            {
                (stopping, s_listener) = (s_listener, null);
            }
        }

        stopping?.Dispose();
    }

    private sealed class Handle : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Unwatch();
            }
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
            if (eventData.EventId == DequeueEventId)
            {
                t_movesBefore = Volatile.Read(ref s_moves);
                t_takenAt = Stopwatch.GetTimestamp();
            }
        }
    }
}

/// <summary>When a pool thread took its current work item.</summary>
/// <param name="At">The <see cref="Stopwatch"/> timestamp of the take.</param>
/// <param name="Moves">How many clock moves had been numbered before the take.</param>
internal readonly record struct Take(long At, long Moves);
