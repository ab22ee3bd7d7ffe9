namespace AsyncEnumTesting;

/// <content>Clocks that code of the run created: their timers are not the run's, and a body waiting on them waits for good.</content>
internal sealed partial class VirtualTimeRunner
{
    private readonly List<WeakReference<VirtualClock>> _otherClocks = [];

    /// <summary>Remembers a clock created by code of this run (on its thread or in its flow), for the hang diagnosis.</summary>
    internal void NoteClockCreated(VirtualClock clock)
    {
        if (ReferenceEquals(clock, _clock))
        {
            return;
        }

        lock (_otherClocks)
        {
            _otherClocks.Add(new WeakReference<VirtualClock>(clock));
        }
    }

    /// <summary>Names a clock created inside the run that has timers pending, or nothing.</summary>
    /// <remarks>
    /// A user trial wrote <c>var mine = new VirtualClock(); await Task.Delay(1s, mine);</c> in a <c>[VirtualTimeFact]</c> test and
    /// was told the code might use real time: a timer was pending all along, on a clock the run does not drive.
    /// </remarks>
    private string OtherClocks()
    {
        lock (_otherClocks)
        {
            foreach (var weak in _otherClocks)
            {
                if (weak.TryGetTarget(out var other) && other.PendingTimerCount is var pending and > 0)
                {
                    var next = other.TryPeekNext(out var due, out _) ? $", the next due at {TimeFormat.Elapsed(TimeSpan.FromTicks(due))} of its time" : string.Empty;
                    return $" A VirtualClock created inside this run has {pending} timer(s) pending{next}: the run drives only the clock it " +
                        "passes to the body, so pass that clock to the code under test instead of a new one.";
                }
            }
        }

        return string.Empty;
    }
}
