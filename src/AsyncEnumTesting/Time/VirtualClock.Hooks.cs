namespace AsyncEnumTesting;

/// <content>The hook for integrations that follow this clock's time.</content>
public sealed partial class VirtualClock
{
    /// <summary>
    /// Occurs each time the clock's time moved forward, on the thread that moved it, after <see cref="Elapsed"/> shows the
    /// new time and before the callback of the timer whose due time it reached runs.
    /// </summary>
    /// <remarks>
    /// For integrations that keep another clock in step with this one (the Rx bridge keeps a <c>TestScheduler</c>'s clock
    /// equal to <see cref="Elapsed"/>). It is raised for every move, by a timer, <see cref="AdvanceAsync(TimeSpan)"/> or a
    /// run, never for a timer that fires at the current time. A handler runs inline while the clock is being driven: keep it
    /// short, and do not drive the clock or wait in it. An exception from a handler propagates to whatever drives the clock.
    /// </remarks>
    public event EventHandler? Moved;

    private void OnMoved() => Moved?.Invoke(this, EventArgs.Empty);
}
