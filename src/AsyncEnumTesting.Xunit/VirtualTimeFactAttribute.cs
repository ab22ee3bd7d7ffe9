using Xunit;
using Xunit.Sdk;

namespace AsyncEnumTesting.Xunit;

/// <summary>Marks a test that runs on virtual time with a hang guard, and reports its timelines when it fails.</summary>
/// <remarks>
/// <para>
/// The test method runs inside <see cref="VirtualTime.RunAsync(VirtualClock, Func{VirtualClock, Task}, VirtualTimeOptions?)"/> on a
/// new <see cref="VirtualClock"/> per run: it may take that clock as its only parameter, and may return <see cref="Task"/>,
/// <see cref="ValueTask"/> or nothing (not <c>async void</c>). The clock jumps to the next timer whenever nothing can run; a test that
/// waits on something no timer will complete fails with a <see cref="VirtualTimeException"/> naming who waits, instead of hanging the run.
/// </para>
/// <para>
/// When the test fails, every <see cref="Timeline"/> created with the test's clock (the probes' and fakes' shared logs) is rendered
/// into the test output: written to the class's <c>ITestOutputHelper</c> when its constructor takes one, appended to the output otherwise.
/// A timeline the failure message already shows (the reader's and the assertion packages' failures carry the table of the timeline
/// they checked) is not rendered again (<see cref="TimelineReport.RenderTimelines(VirtualClock, string?)"/>). Timelines made with another clock are
/// not known to the test and are not reported.
/// </para>
/// <para>
/// Each run owns its clock and its report; nothing is shared between tests, so collections run in parallel as usual.
/// The test class is constructed and disposed outside virtual time.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// [VirtualTimeFact(RealTimeGrace = "00:00:00.200")]
/// public async Task Poller_PollsEveryFiveSeconds(VirtualClock clock)
/// {
///     var polls = await new Poller(clock).PollAsync().Take(3).ToListAsync();
///     Assert.Equal(TimeSpan.FromSeconds(15), clock.Elapsed);
/// }
/// </code>
/// </example>
[XunitTestCaseDiscoverer("AsyncEnumTesting.Xunit.VirtualTimeFactDiscoverer", "AsyncEnumTesting.Xunit")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class VirtualTimeFactAttribute : FactAttribute
{
    /// <summary>Gets or sets the real time the run waits for work from other threads before it declares the test hung, as an invariant
    /// <see cref="TimeSpan"/> with a colon (<c>"00:00:00.200"</c>, <c>"00:00:05"</c>); <see langword="null"/> for
    /// <see cref="VirtualTimeOptions.RealTimeGrace"/>'s default (1 s). Zero or less is refused.</summary>
    public string? RealTimeGrace { get; set; }

    /// <summary>Gets or sets the real time the whole test body may take, as an invariant <see cref="TimeSpan"/> with a colon
    /// (<c>"00:00:30"</c>, <c>"00:02:00"</c>); <see langword="null"/> for <see cref="VirtualTimeOptions.RealTimeLimit"/>'s default (30 s).
    /// Zero or less is refused.</summary>
    public string? RealTimeLimit { get; set; }

    /// <summary>Gets or sets the virtual time the test may use, as an invariant <see cref="TimeSpan"/> with a colon (<c>"01:00:00"</c>,
    /// <c>"7.00:00:00"</c>); <see langword="null"/> for <see cref="VirtualTimeOptions.VirtualTimeLimit"/>'s default (7 days). Zero or less is
    /// refused, and so is a bare number (<c>"30"</c> would be 30 days).</summary>
    public string? VirtualTimeLimit { get; set; }

    /// <summary>Gets or sets how many timer firings the test may use; a positive number. Not set (it reads 0 then):
    /// <see cref="VirtualTimeOptions.MaxTimerFirings"/>'s default (1,000,000); a 0 set on purpose is refused.</summary>
    public long MaxTimerFirings
    {
        get => MaxTimerFiringsIfSet ?? 0;
        set => MaxTimerFiringsIfSet = value;
    }

    /// <summary>Gets the number of firings set, or <see langword="null"/> when <see cref="MaxTimerFirings"/> was not set.</summary>
    internal long? MaxTimerFiringsIfSet { get; private set; }

    /// <summary>Gets or sets how many seeded schedules to explore after the default order (0: run once). Each schedule calls the
    /// method again with a new clock, in another order wherever same-instant timers and continuations could come in another order;
    /// the first that fails is reported with its seed (a failure in the default order is reported as such, without a seed).</summary>
    /// <remarks>Every schedule calls the method on the same test class instance: keep the state the body changes inside the method.
    /// See <see cref="VirtualTime.ExploreAsync(Func{VirtualClock, Task}, ExplorationOptions?)"/> for what is explored.</remarks>
    public int Schedules { get; set; }

    /// <summary>Gets or sets the seed of one schedule to replay: the seed a failed exploration printed. Not set: the default order.</summary>
    public int ScheduleSeed
    {
        get => ReplaySeed ?? 0;
        set => ReplaySeed = value;
    }

    /// <summary>Gets the seed to replay, or <see langword="null"/> when <see cref="ScheduleSeed"/> was not set.</summary>
    internal int? ReplaySeed { get; private set; }
}
