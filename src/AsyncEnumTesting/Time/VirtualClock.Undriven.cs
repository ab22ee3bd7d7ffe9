using System.Diagnostics;

namespace AsyncEnumTesting;

/// <content>The undriven watchdog: the kit's fakes fail, instead of waiting for ever, on a clock that nothing drives.</content>
/// <remarks>
/// A plain test that hands a scripted fake with a <c>Wait(…)</c> (or a <c>HangUntilCanceled()</c>) to a consumer and awaits the consumer,
/// without advancing the clock, would wait for ever: only a driver moves virtual time. While a fake waits on this clock and
/// no run drives it, a real timer looks every quarter of <see cref="RealTimeGrace"/>; when a whole grace passes with no
/// driving at all (no advance, no timer fired, no reader or assertion moving it), the fakes' pending waits fail with a
/// diagnosis that names every waiter and both clocks. The timer exists only while such a wait is pending, and is created
/// without the caller's execution context.
/// </remarks>
public sealed partial class VirtualClock
{
    private readonly Lock _watchGate = new();
    private ITimer? _undrivenWatch;
    private long _driveActivity;
    private long _lastSeenActivity = -1;
    private long _quietSince;
    private int _driving;

    /// <summary>Notes that something moves or drives the clock, which keeps the undriven watchdog quiet.</summary>
    internal void NoteDriving() => Interlocked.Increment(ref _driveActivity);

    /// <summary>Marks a wait that drives the clock (a reader or an assertion in a plain test) for its whole duration.</summary>
    internal IDisposable Driving()
    {
        Interlocked.Increment(ref _driving);
        return new DrivingScope(this);
    }

    private void ArmUndrivenWatch()
    {
        lock (_watchGate)
        {
            if (_undrivenWatch is not null)
            {
                return;
            }

            var every = TimeSpan.FromTicks(Math.Max(RealTimeGrace.Ticks / 4, TimeSpan.TicksPerMillisecond));
            _lastSeenActivity = -1;
            using (ExecutionContext.SuppressFlow())
            {
                _undrivenWatch = TimeProvider.System.CreateTimer(static c => ((VirtualClock)c!).CheckUndriven(), this, every, every);
            }
        }
    }

    private void CheckUndriven()
    {
        lock (_watchGate)
        {
            if (_undrivenWatch is null)
            {
                return;
            }

            if (!Waiters.AnyFailable)
            {
                _undrivenWatch.Dispose();
                _undrivenWatch = null;
                return;
            }

            // A fired timer is driving too; TryFireNext counts it in _firings only, to save an atomic operation per timer.
            var activity = Interlocked.Read(ref _driveActivity) + Interlocked.Read(ref _firings);
            if (Runner is not null || IsAdvancing || Volatile.Read(ref _driving) > 0 || activity != _lastSeenActivity)
            {
                _lastSeenActivity = activity;
                _quietSince = Stopwatch.GetTimestamp();
                return;
            }

            if (Stopwatch.GetElapsedTime(_quietSince) < RealTimeGrace)
            {
                return;
            }

            _undrivenWatch.Dispose();
            _undrivenWatch = null;
        }

        var waited = RealTimeGrace;
        Waiters.FailAll(all => new VirtualTimeException(
            $"Nothing drives this VirtualClock: a fake has waited {TimeFormat.RealSeconds(waited)} of real time on it while it stood at " +
            $"{TimeFormat.Elapsed(Elapsed)} with {PendingTimerCount} timer(s) pending, and no AdvanceAsync call, VirtualTime.RunAsync run, " +
            "reader or Should(clock) moved it, so the code under test would wait for ever. Drive the clock: await clock.AdvanceAsync(...) " +
            "while the consumer runs, run the test inside VirtualTime.RunAsync (or a [VirtualTimeFact]), or read the consumer's source " +
            "through OpenReader(clock) or Should(clock)." +
            (all.Count == 0 ? string.Empty : Environment.NewLine + "Waiting now:" + string.Concat(all.Select(w => Environment.NewLine + "  " + w)))));
    }

    private sealed class DrivingScope(VirtualClock clock) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref clock._driving);
                clock.NoteDriving();
            }
        }
    }
}
