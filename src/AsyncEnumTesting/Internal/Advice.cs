namespace AsyncEnumTesting;

/// <summary>Advice that several failure messages give, worded once so the reader, the runner and the assertions agree.</summary>
internal static class Advice
{
    /// <summary>Why a wait that no timer can end is stuck, for a message that ends in "…: " + this.</summary>
    public const string RealTime =
        "code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), or wait on a TaskCompletionSource, channel or lock that nothing completes";
}
