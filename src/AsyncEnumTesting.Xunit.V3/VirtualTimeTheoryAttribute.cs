using System.Runtime.CompilerServices;
using Xunit;
using Xunit.v3;

namespace AsyncEnumTesting.Xunit.V3;

/// <summary>Marks an xunit v3 theory whose every data row runs on virtual time with a hang guard, and reports its timelines when it fails.</summary>
/// <remarks>
/// Each data row is one run of <see cref="VirtualTimeFactAttribute"/>'s kind, on its own <see cref="VirtualClock"/>: the method takes the
/// row's values and, as its last parameter, may take the clock as an optional parameter, <c>VirtualClock clock = null!</c>:
/// data attributes supply every parameter but that one (optional, so that xunit's analyzers accept the rows), and the run puts its clock there.
/// </remarks>
/// <example>
/// <code>
/// [VirtualTimeTheory]
/// [InlineData(5)]
/// [InlineData(30)]
/// public async Task Poller_PollsAtTheInterval(int seconds, VirtualClock clock = null!)
/// {
///     await new Poller(clock, TimeSpan.FromSeconds(seconds)).PollAsync().Take(2).ToListAsync();
///     Assert.Equal(TimeSpan.FromSeconds(2 * seconds), clock.Elapsed);
/// }
/// </code>
/// </example>
[XunitTestCaseDiscoverer(typeof(VirtualTimeTheoryDiscoverer))]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class VirtualTimeTheoryAttribute(
    [CallerFilePath] string? sourceFilePath = null,
    [CallerLineNumber] int sourceLineNumber = -1)
    : TheoryAttribute(sourceFilePath, sourceLineNumber)
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
