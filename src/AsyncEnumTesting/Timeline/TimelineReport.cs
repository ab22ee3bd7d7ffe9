namespace AsyncEnumTesting;

/// <summary>The failure report a test-framework integration writes when a test on a <see cref="VirtualClock"/> fails:
/// the timelines created with that clock.</summary>
public static class TimelineReport
{
    /// <summary>Renders every <see cref="Timeline"/> created with this clock, in creation order, as one text for a test's output.</summary>
    /// <param name="clock">The clock the timelines were created with.</param>
    /// <returns>The timelines' tables (<see cref="Timeline.Render(TimelineRenderOptions?)"/>) one after the other, each under a
    /// header that names its probes and fakes, or <see langword="null"/> when no timeline was created with this clock.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Timelines are known to the clock they were created with (<c>new Timeline(clock)</c>); a probe without a timeline
    /// records on a real-time timeline of its own and is not reported. For a failed test, prefer
    /// <see cref="RenderTimelines(VirtualClock, string?)"/>, which leaves out what the failure message already shows.
    /// </remarks>
    public static string? RenderTimelines(this VirtualClock clock) => RenderTimelines(clock, null);

    /// <summary>Renders every <see cref="Timeline"/> created with this clock that <paramref name="failureMessage"/> does not
    /// already show, in creation order, as one text for a failed test's output.</summary>
    /// <param name="clock">The clock the test ran on.</param>
    /// <param name="failureMessage">The message the test failed with; <see langword="null"/> renders every timeline.</param>
    /// <returns>The timelines' tables (<see cref="Timeline.Render(TimelineRenderOptions?)"/>) one after the other, or
    /// <see langword="null"/> when no timeline is left to render.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>
    /// Each table's header says whose timeline it is, by the names the test gave its probes and fakes (and a reader, its
    /// sequence), so that several tables in one output can be told apart: <c>Timeline of "polls" (virtual time):</c>, or
    /// <c>Timeline of "left", "right" and "merged" (virtual time):</c>. A timeline without such a name (marks only, default
    /// names such as "source") keeps the plain <c>Timeline (virtual time):</c> header.
    /// </para>
    /// <para>
    /// This is the seam the kit's own attributes (xunit, NUnit, MSTest) use; an integration for another framework calls it
    /// when a test that ran on this clock failed and writes the text to that framework's test output.
    /// </para>
    /// <para>
    /// The failures of the reader and of the assertion packages carry the table of the timeline they checked (a
    /// <c>Timeline (virtual time):</c> line and its rows); such a timeline is not rendered again. A table shows a timeline
    /// when its rows are the timeline's rows, all of them or the first ones (the rows added after the message was written,
    /// such as a disposal, are not worth a second copy); the notes after a row, the way items are written and the rows a
    /// long table leaves out may differ. Any other timeline, an empty one included, is rendered.
    /// </para>
    /// </remarks>
    /// <example>
    /// <code>
    /// catch (Exception ex) when (clock.RenderTimelines(ex.Message) is { } report)
    /// {
    ///     TestContext.Out.WriteLine(report);
    ///     throw;
    /// }
    /// </code>
    /// </example>
    public static string? RenderTimelines(this VirtualClock clock, string? failureMessage)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var all = ClockTimelines.Of(clock);
        var timelines = failureMessage is null ? all : TimelineTables.NotShownIn(failureMessage, all);
        return timelines.Count == 0 ? null : string.Join(Environment.NewLine, timelines.Select(t => t.RenderTitled().TrimEnd()));
    }
}
