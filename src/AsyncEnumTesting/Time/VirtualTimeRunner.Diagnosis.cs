using System.Diagnostics;
using System.Globalization;

namespace AsyncEnumTesting;

/// <content>The run's diagnoses: every message names the virtual time reached and the real time spent.</content>
internal sealed partial class VirtualTimeRunner
{
    private VirtualTimeException OverBudget(long dueTicks)
    {
        var budget = _options.VirtualTimeLimit;
        if (dueTicks - _startTicks > budget.Ticks)
        {
            // No firing yet means one long wait, not a loop; firings mean a loop or a heartbeat beside a wait no timer ends.
            var why = _clock.TimerFirings == _startFirings
                ? "No timer fired before it: the body waits for that one timer (a long delay or timeout in the code under test?)."
                : "Timers kept firing until then and the body still waits: an endless timer loop (a poll without a stop condition, or " +
                  "one that waits for the system clock to pass a time?) keeps it from finishing, or it waits on something no timer " +
                  "completes (a TaskCompletionSource, a channel) while a periodic timer keeps the clock moving." + SystemClockHint;
            return new VirtualTimeException(
                $"The virtual-time run used up its budget of {TimeFormat.Elapsed(budget)} of virtual time: the next timer is due at " +
                $"{TimeFormat.Elapsed(TimeSpan.FromTicks(dueTicks - _startTicks))}. {why} Raise VirtualTimeOptions.VirtualTimeLimit if the test " +
                $"needs more. {Clocks()}{Waiting()}");
        }

        return new VirtualTimeException(
            $"The virtual-time run used up its budget of {_options.MaxTimerFirings.ToString("N0", CultureInfo.InvariantCulture)} timer firings. " +
            $"An endless timer loop keeps the body from finishing.{SystemClockHint} Raise VirtualTimeOptions.MaxTimerFirings only if the test " +
            $"needs more. {Clocks()}{Waiting()}");
    }

    /// <summary>The loop a budget most often stops that is not the test's fault to raise for: one that reads the system clock.</summary>
    /// <remarks>A user trial's retry waited until DateTime.UtcNow passed a deadline, delaying on the virtual clock in between: it
    /// never ends in virtual time, and "raise the limit" pointed the wrong way.</remarks>
    private const string SystemClockHint =
        " A loop that delays on the virtual clock until the system clock (DateTime.UtcNow, DateTimeOffset.Now, Stopwatch, " +
        "Environment.TickCount) passes a time never ends in virtual time: read the time from the TimeProvider instead " +
        "(GetUtcNow(), GetTimestamp()).";

    private void CheckRealTimeLimit()
    {
        if (Stopwatch.GetElapsedTime(_realStart) > _options.RealTimeLimit)
        {
            throw new VirtualTimeException(
                $"The virtual-time run used up its real-time limit of {TimeFormat.RealSeconds(_options.RealTimeLimit)}: the body keeps queuing work " +
                $"without waiting on the clock (a loop around Task.Yield()?). {Clocks()}{Waiting()}");
        }
    }

    private VirtualTimeException Hang(Task bodyTask)
    {
        if (_markerStuck && ThreadPool.PendingWorkItemCount is var queued and > 0)
        {
            return Starved(bodyTask, queued);
        }

        return new VirtualTimeException(
            $"The virtual-time run is stuck: the body is still waiting (task status {bodyTask.Status}), but no work is queued and no timer is " +
            $"pending, and nothing posted work for {TimeFormat.RealSeconds(_options.RealTimeGrace)} of real time. The body waits on a task that " +
            "nothing in virtual time will complete: code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), " +
            $"or wait on a TaskCompletionSource, channel or lock that nothing completes.{OtherClocks()} {Clocks()}{Waiting()}");
    }

    /// <summary>The hang diagnosis when the thread pool did not start what it holds: the work that would go on may be there.</summary>
    private VirtualTimeException Starved(Task bodyTask, long queued) =>
        new(
            $"The virtual-time run is stuck: the body is still waiting (task status {bodyTask.Status}) and no timer is pending, but the " +
            $"thread pool holds {queued.ToString("N0", CultureInfo.InvariantCulture)} queued work item(s) and did not start the check item the run queued " +
            $"behind them within {TimeFormat.RealSeconds(Stopwatch.GetElapsedTime(_markerSentAt))} of real time: its threads are all busy or blocked (a starved pool), so " +
            "work of the run that would let the body go on may be waiting in its queue. Blocking waits in pool work (.Result, .Wait(), " +
            "Thread.Sleep, a synchronous lock), in this test or in tests running beside it, starve the pool: await instead, or run such " +
            $"tests in a collection of their own. {Clocks()}{Waiting()}");

    private VirtualTimeException StuckElsewhere(Task bodyTask)
    {
        var active = Volatile.Read(ref _active);
        return new VirtualTimeException(
            $"The virtual-time run is stuck: the body is still waiting (task status {bodyTask.Status}) and {active} piece(s) of the run's work " +
            $"kept running on other threads for {TimeFormat.RealSeconds(_options.RealTimeGrace)} of real time. The clock does not move while " +
            "work of the run is in flight, so that work blocks on something virtual time cannot complete: sync over async on the thread pool " +
            "(.Result, .Wait() or GetAwaiter().GetResult() on a virtual delay), a synchronous SemaphoreSlim.Wait or lock, or long real work " +
            $"(real I/O, a LongRunning loop). Await instead of blocking; raise VirtualTimeOptions.RealTimeGrace only if that work is slow but finite. {Clocks()}{Waiting()}");
    }

    private VirtualTimeException Blocked(TimeSpan inside) =>
        new(
            $"The virtual-time run's own thread has been blocked for {TimeFormat.RealSeconds(inside)} of real time inside the body or one of its " +
            "continuations, so nothing else in the run can happen: sync over async (.Result, .Wait() or GetAwaiter().GetResult()) or a synchronous " +
            "lock (SemaphoreSlim.Wait, Monitor.Enter) waits for work that needs this thread or the clock. Await it instead; raise " +
            $"VirtualTimeOptions.RealTimeGrace only for synchronous work that is slow but finite. {Clocks()}{Waiting()}");

    /// <summary>Fails the run once work of it started late (<see cref="NoteLateStart"/>).</summary>
    private void ThrowIfLateStart()
    {
        if (Volatile.Read(ref _lateStart) is { } late)
        {
            throw LateStarted(late);
        }
    }

    private VirtualTimeException LateStarted(LateStart late) =>
        new(
            (late.WhileQueued
                ? $"Work of the virtual-time run started on a thread-pool thread {TimeFormat.RealSeconds(late.Held)} of real time after it was queued, " +
                  $"and the clock moved on while it waited in the pool's queue (the work started at {TimeFormat.Elapsed(late.At)}): this run's events " +
                  "may be in another order than in a run where the pool took that work in time. The machine was too busy for the run to wait " +
                  "for it (it waits for work of the run that is queued or taken, at most 20 ms and less while other work keeps the pool busy). "
                : $"Work of the virtual-time run started on a thread-pool thread {TimeFormat.RealSeconds(late.Held)} of real time after the thread took it " +
                  $"off the pool's queue, and the clock moved on in between (the work started at {TimeFormat.Elapsed(late.At)}): this run's events may be " +
                  "in another order than in a run where that thread was not held up. The machine was too busy for the run to wait for that thread " +
                  "(it waits for a thread that took work of the run, at most 20 ms and less while other work keeps the pool busy). ") +
            $"The code under test is not at fault: run the test again, and run less at once on this machine if it keeps happening. {Clocks()}",
            isLateStart: true);

    /// <summary>Lists who waits on the clock right now, one per line, or nothing.</summary>
    private string Waiting()
    {
        var waiters = _clock.Waiters.Describe();
        return waiters.Count == 0
            ? string.Empty
            : Environment.NewLine + "Waiting now:" + string.Concat(waiters.Select(w => Environment.NewLine + "  " + w));
    }

    private string Clocks() =>
        $"Virtual time reached {TimeFormat.Elapsed(TimeSpan.FromTicks(_clock.NowTicks - _startTicks))} after " +
        $"{(_clock.TimerFirings - _startFirings).ToString("N0", CultureInfo.InvariantCulture)} timer firing(s); real time spent " +
        $"{TimeFormat.RealSeconds(Stopwatch.GetElapsedTime(_realStart))}.";


    /// <summary>Names the first of the faults nobody observed, and counts the others.</summary>
    private static string Describe(IReadOnlyList<Exception> unobserved) =>
        MessageFormat.Exception(unobserved[0]) + (unobserved.Count > 1 ? $" (and {unobserved.Count - 1} more)" : string.Empty);
}
