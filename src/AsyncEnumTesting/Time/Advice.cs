namespace AsyncEnumTesting;

/// <summary>Advice that several failure messages give, worded once so the reader, the runner and the assertions agree.</summary>
/// <remarks>Public so that an integration for another assertion library gives the same advice in its own messages.</remarks>
public static class Advice
{
    /// <summary>Gets why a wait that no timer can end is stuck, for a message that ends in <c>"…: " + Advice.RealTime</c>.</summary>
    /// <remarks>Give it when a bounded wait on a <see cref="VirtualClock"/> ended with <see cref="WaitEnd.NothingPending"/>.</remarks>
    public static string RealTime =>
        "code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), or wait on a TaskCompletionSource, channel or lock that nothing completes";

    /// <summary>Returns the clause a "nothing happened within {limit} of virtual time" message adds when the limit was reached
    /// inside a run with no timer pending on <paramref name="clock"/>, or an empty string otherwise.</summary>
    /// <param name="clock">The clock the wait was bounded on; read right after the wait.</param>
    /// <returns><c>", and no timer is pending on the clock, so nothing in virtual time would have ended the wait: " + </c><see cref="RealTime"/>, or <c>""</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Inside a run the clock reaches a kit deadline at once when the run stays quiet and nothing else is pending: no timer
    /// could have ended the wait, and without this clause the message reads like a slow source (a user trial read it for a
    /// real Task.Delay). Outside a run, a wait that reaches its limit had a later timer pending, and the clause is not given.
    /// </remarks>
    public static string NothingPendingInRun(VirtualClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock is { IsInRun: true, PendingTimerCount: 0 }
            ? ", and no timer is pending on the clock, so nothing in virtual time would have ended the wait: " + RealTime
            : string.Empty;
    }
}
