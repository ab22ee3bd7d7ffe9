namespace AsyncEnumTesting;

/// <summary>Advice that several failure messages give, worded once so the reader, the runner and the assertions agree.</summary>
/// <remarks>Public so that an integration for another assertion library gives the same advice in its own messages.</remarks>
public static class Advice
{
    /// <summary>Gets why a wait that no timer can end is stuck, for a message that ends in <c>"…: " + Advice.RealTime</c>.</summary>
    /// <remarks>Give it when a bounded wait on a <see cref="VirtualClock"/> ended with <see cref="WaitEnd.NothingPending"/>.</remarks>
    public static string RealTime =>
        "code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), or wait on a TaskCompletionSource, channel or lock that nothing completes";
}
