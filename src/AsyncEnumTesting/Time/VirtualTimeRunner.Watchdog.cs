using System.Diagnostics;

namespace AsyncEnumTesting;

/// <content>The watchdog: something outside the run's thread notices when that thread is blocked.</content>
internal sealed partial class VirtualTimeRunner
{
    /// <summary>Fails a run whose own thread stays inside one piece of user code for longer than the limit.</summary>
    /// <remarks>
    /// A body that blocks its own thread (<c>.Result</c>, <c>.Wait()</c>, a synchronous <c>SemaphoreSlim.Wait</c>) on work
    /// that needs that thread or the clock can never come back to the loop, so no check on that thread can fire. One
    /// background thread of the process (<see cref="WatchdogThread"/>) looks at every active run's watchdog ten times a
    /// second. It is not a thread-pool thread on purpose: a check on the pool would count as pool work processing, which
    /// the run's settling waits out. The blocked thread is a background thread: it stays blocked, the run fails.
    /// </remarks>
    private sealed class Watchdog : IDisposable
    {
        private readonly TimeSpan _limit;
        private readonly Action<TimeSpan> _fire;
        private long _entries;
        private long _inside;
        private long _seen;
        private long _seenAt;
        private int _fired;

        public Watchdog(TimeSpan limit, Action<TimeSpan> fire)
        {
            _limit = limit;
            _fire = fire;
            WatchdogThread.Add(this);
        }

        /// <summary>Gets a value indicating whether the watchdog failed the run.</summary>
        public bool HasFired => Volatile.Read(ref _fired) != 0;

        /// <summary>Notes that the run's thread enters user code.</summary>
        /// <remarks>The run's thread only numbers its entries: the watchdog reads the clock, so that a run that goes in
        /// and out of user code a million times pays no clock read for it.</remarks>
        public void Enter() => Volatile.Write(ref _inside, ++_entries);

        /// <summary>Notes that the run's thread is back in the loop.</summary>
        public void Exit() => Volatile.Write(ref _inside, 0);

        public void Dispose() => WatchdogThread.Remove(this);

        /// <summary>Fails the run once the same entry has been seen inside for longer than the limit.</summary>
        /// <returns><see langword="false"/> once the watchdog fired: it needs no more checks.</returns>
        /// <remarks>Only the watchdog thread calls this.</remarks>
        public bool Check()
        {
            var inside = Volatile.Read(ref _inside);
            if (inside == 0)
            {
                _seen = 0;
                return true;
            }

            if (inside != _seen)
            {
                (_seen, _seenAt) = (inside, Stopwatch.GetTimestamp());
                return true;
            }

            var blocked = Stopwatch.GetElapsedTime(_seenAt);
            if (blocked <= _limit)
            {
                return true;
            }

            Volatile.Write(ref _fired, 1);
            _fire(blocked);
            return false;
        }
    }

    /// <summary>The one background thread that checks the watchdogs of all active runs of the process.</summary>
    private static class WatchdogThread
    {
        private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(100);
        private static readonly List<Watchdog> Watched = [];
        private static Thread? s_thread;

        public static void Add(Watchdog watchdog)
        {
            lock (Watched)
            {
                Watched.Add(watchdog);
                if (s_thread is null)
                {
                    // Started without the run's execution context: the thread is nobody's work.
                    using (ExecutionContext.SuppressFlow())
                    {
                        s_thread = new Thread(Watch) { IsBackground = true, Name = "AsyncEnumTesting watchdog" };
                        s_thread.Start();
                    }
                }
            }
        }

        public static void Remove(Watchdog watchdog)
        {
            lock (Watched)
            {
                Watched.Remove(watchdog);
            }
        }

        private static void Watch()
        {
            var fired = new List<Watchdog>();
            lock (Watched)
            {
                while (true)
                {
                    // The pause between looks (nothing pulses it); the lock is free meanwhile.
                    Monitor.Wait(Watched, Every);
                    foreach (var watchdog in Watched)
                    {
                        if (!watchdog.Check())
                        {
                            fired.Add(watchdog);
                        }
                    }

                    foreach (var watchdog in fired)
                    {
                        Watched.Remove(watchdog);
                    }

                    fired.Clear();
                }
            }
        }
    }
}
