using System.Diagnostics;
using System.Globalization;

namespace AsyncEnumTesting;

/// <content>The run's diagnoses: every message names the virtual time reached and the real time spent.</content>
internal sealed partial class VirtualTimeRunner
{
    private VirtualTimeException OverBudget(long dueTicks)
    {
        var budget = _options.VirtualTimeBudget;
        if (dueTicks - _startTicks > budget.Ticks)
        {
            return new VirtualTimeException(
                $"The virtual-time run used up its budget of {TimeFormat.Elapsed(budget)} of virtual time: the next timer is due at " +
                $"{TimeFormat.Elapsed(TimeSpan.FromTicks(dueTicks - _startTicks))}. An endless timer loop (a poll without a stop condition?) keeps the body " +
                $"from finishing. Raise VirtualTimeOptions.VirtualTimeBudget if the test needs more. {Clocks()}");
        }

        return new VirtualTimeException(
            $"The virtual-time run used up its budget of {_options.MaxTimerFirings.ToString("N0", CultureInfo.InvariantCulture)} timer firings. " +
            $"An endless timer loop keeps the body from finishing. Raise VirtualTimeOptions.MaxTimerFirings if the test needs more. {Clocks()}");
    }

    private void CheckRealTimeLimit()
    {
        if (Stopwatch.GetElapsedTime(_realStart) > _options.RealTimeLimit)
        {
            throw new VirtualTimeException(
                $"The virtual-time run used up its real-time limit of {TimeFormat.RealSeconds(_options.RealTimeLimit)}: the body keeps queuing work " +
                $"without waiting on the clock (a loop around Task.Yield()?). {Clocks()}");
        }
    }

    private VirtualTimeException Hang(Task bodyTask)
    {
        var waiters = _clock.Waiters.Describe();
        var waiting = waiters.Count == 0
            ? string.Empty
            : Environment.NewLine + "Waiting now:" + string.Concat(waiters.Select(w => Environment.NewLine + "  " + w));
        return new VirtualTimeException(
            $"The virtual-time run is stuck: the body is still waiting (task status {bodyTask.Status}), but no work is queued and no timer is " +
            $"pending, and nothing posted work for {TimeFormat.RealSeconds(_options.RealTimeGrace)} of real time. The body waits on a task that " +
            "nothing in virtual time will complete: code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), " +
            $"or wait on a TaskCompletionSource, channel or lock that nothing completes. {Clocks()}{waiting}");
    }

    private string Clocks() =>
        $"Virtual time reached {TimeFormat.Elapsed(TimeSpan.FromTicks(_clock.NowTicks - _startTicks))} after " +
        $"{(_clock.TimerFirings - _startFirings).ToString("N0", CultureInfo.InvariantCulture)} timer firing(s); real time spent " +
        $"{TimeFormat.RealSeconds(Stopwatch.GetElapsedTime(_realStart))}.";

    private static string Describe(Exception ex) => $"{ex.GetType().Name}: {ex.Message}";
}
