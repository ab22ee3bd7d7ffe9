using System.Diagnostics;

namespace AsyncEnumTesting;

/// <content>The watchdog: something outside the run's thread notices when that thread is blocked.</content>
internal sealed partial class VirtualTimeRunner
{
    /// <summary>Fails a run whose own thread stays inside one piece of user code for longer than the limit.</summary>
    /// <remarks>
    /// A body that blocks its own thread (<c>.Result</c>, <c>.Wait()</c>, a synchronous <c>SemaphoreSlim.Wait</c>) on work
    /// that needs that thread or the clock can never come back to the loop, so no check on that thread can fire. A real
    /// timer on the thread pool looks every tenth of the limit; it is created without the run's execution context, so it
    /// never counts as the run's work. The blocked thread is a background thread: it stays blocked, the run fails.
    /// </remarks>
    private sealed class Watchdog : IDisposable
    {
        private readonly TimeSpan _limit;
        private readonly Action<TimeSpan> _fire;
        private readonly ITimer _timer;
        private long _entries;
        private long _inside;
        private long _seen;
        private long _seenAt;
        private int _fired;
        private int _checking;

        public Watchdog(TimeSpan limit, Action<TimeSpan> fire)
        {
            _limit = limit;
            _fire = fire;
            var every = TimeSpan.FromTicks(Math.Max(limit.Ticks / 10, TimeSpan.TicksPerMillisecond));
            using (ExecutionContext.SuppressFlow())
            {
                _timer = TimeProvider.System.CreateTimer(static w => ((Watchdog)w!).Check(), this, every, every);
            }
        }

        /// <summary>Gets a value indicating whether the watchdog failed the run.</summary>
        public bool HasFired => Volatile.Read(ref _fired) != 0;

        /// <summary>Notes that the run's thread enters user code.</summary>
        /// <remarks>The run's thread only numbers its entries: the watchdog reads the clock, so that a run that goes in
        /// and out of user code a million times pays no clock read for it.</remarks>
        public void Enter() => Volatile.Write(ref _inside, ++_entries);

        /// <summary>Notes that the run's thread is back in the loop.</summary>
        public void Exit() => Volatile.Write(ref _inside, 0);

        public void Dispose() => _timer.Dispose();

        /// <summary>Fails the run once the same entry has been seen inside for longer than the limit.</summary>
        /// <remarks>Only the timer calls this, one call at a time: a check that overlaps the previous one returns at once.</remarks>
        private void Check()
        {
            if (Interlocked.Exchange(ref _checking, 1) != 0)
            {
                return;
            }

            try
            {
                var inside = Volatile.Read(ref _inside);
                if (inside == 0 || HasFired)
                {
                    _seen = 0;
                    return;
                }

                if (inside != _seen)
                {
                    (_seen, _seenAt) = (inside, Stopwatch.GetTimestamp());
                    return;
                }

                var blocked = Stopwatch.GetElapsedTime(_seenAt);
                if (blocked > _limit && Interlocked.Exchange(ref _fired, 1) == 0)
                {
                    _timer.Dispose();
                    _fire(blocked);
                }
            }
            finally
            {
                Volatile.Write(ref _checking, 0);
            }
        }
    }
}
