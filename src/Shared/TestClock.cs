namespace AsyncEnumTesting.Integration;

/// <summary>The clock a virtual-time test runs on: a new one for each run, so that a rerun after a late start reports the
/// timelines of the run that counted.</summary>
/// <remarks>Compiled into each test-framework package (a linked source file); uses the core's public API only.</remarks>
internal sealed class TestClock
{
    /// <summary>Gets the clock of the current (or last) run.</summary>
    public VirtualClock Current { get; private set; } = new();

    /// <summary>Replaces the clock with a new one for another run.</summary>
    public void Renew() => Current = new VirtualClock(Current.Start, Current.LocalTimeZone);

    /// <summary>Renders the timelines made with the current clock that the failure message does not already show, for a
    /// failed test's output (<see cref="TimelineReport.RenderTimelines(VirtualClock, string?)"/>).</summary>
    /// <param name="failureMessage">The message the test failed with.</param>
    public string? RenderTimelines(string? failureMessage) => Current.RenderTimelines(failureMessage);
}
