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

    /// <summary>Gets or sets the seed of the one schedule the test replays (its attribute's <c>ScheduleSeed</c>), if any.</summary>
    public int? ReplayedSeed { get; set; }

    /// <summary>Writes what a failed test's output adds to its message: which schedule it replayed, if any, and the
    /// timelines made with the current clock that the message does not already show
    /// (<see cref="TimelineReport.RenderTimelines(VirtualClock, string?)"/>).</summary>
    /// <param name="failureMessage">The message the test failed with.</param>
    /// <returns>The report, or <see langword="null"/> when there is nothing to add.</returns>
    public string? FailureReport(string? failureMessage)
    {
        var timelines = Current.RenderTimelines(failureMessage);
        if (ReplayedSeed is not { } seed)
        {
            return timelines;
        }

        // A replayed seed changes the order of same-instant events: a reader of the failure must know it was not the default order.
        var replayed = $"Replayed schedule {seed.ToString(System.Globalization.CultureInfo.InvariantCulture)}: the test failed in that "
            + "schedule's order of same-instant events, not in the default order (remove ScheduleSeed to run the default order).";
        return timelines is null ? replayed : replayed + Environment.NewLine + timelines;
    }
}
