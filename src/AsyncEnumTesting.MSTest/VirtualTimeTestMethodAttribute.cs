using System.Runtime.CompilerServices;
using AsyncEnumTesting.Integration;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AsyncEnumTesting.MSTest;

/// <summary>Marks an MSTest test that runs on virtual time with a hang guard, and adds its timelines to the test output when it fails.</summary>
/// <remarks>
/// <para>
/// Use it instead of <c>[TestMethod]</c>. The test (class construction, <c>[TestInitialize]</c>, the method, <c>[TestCleanup]</c>) runs
/// inside <see cref="VirtualTime.RunAsync(VirtualClock, Func{VirtualClock, Task}, VirtualTimeOptions?)"/> on a new
/// <see cref="VirtualClock"/> per run: the method may take that clock as its only parameter, or after a <c>[DataRow]</c>'s values as
/// an optional last one (<c>VirtualClock clock = null!</c>, so that MSTest's analyzers accept the rows), and may return <see cref="Task"/>, <see cref="ValueTask"/> or nothing. A test that waits on something no timer
/// will complete fails with a <see cref="VirtualTimeException"/> naming who waits, instead of hanging the run.
/// </para>
/// <para>
/// When the test fails, every <see cref="Timeline"/> created with the test's clock that the failure message does not already show
/// (<see cref="TimelineReport.RenderTimelines(VirtualClock, string?)"/>: the reader's and the assertion packages' failures carry the table of the
/// timeline they checked) is appended to the result's output (<see cref="TestResult.LogOutput"/>).
/// </para>
/// </remarks>
/// <example>
/// <code>
/// [VirtualTimeTestMethod]
/// public async Task Poller_PollsEveryFiveSeconds(VirtualClock clock)
/// {
///     await new Poller(clock).PollAsync().Take(3).ToListAsync();
///     Assert.AreEqual(TimeSpan.FromSeconds(15), clock.Elapsed);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class VirtualTimeTestMethodAttribute(
    [CallerFilePath] string callerFilePath = "",
    [CallerLineNumber] int callerLineNumber = -1)
    : TestMethodAttribute(callerFilePath, callerLineNumber)
{
    private const string Name = "[VirtualTimeTestMethod]";

    /// <summary>Gets or sets the real time the run waits for work from other threads before it declares the test hung, as an invariant
    /// <see cref="TimeSpan"/> with a colon (<c>"00:00:00.200"</c>, <c>"00:00:05"</c>); <see langword="null"/> for
    /// <see cref="VirtualTimeOptions.RealTimeGrace"/>'s default (1 s). Zero or less is refused.</summary>
    public string? RealTimeGrace { get; set; }

    /// <summary>Gets or sets the real time the whole test may take, as an invariant <see cref="TimeSpan"/> with a colon
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
    /// <remarks>Every schedule runs the whole test again as MSTest runs it (a new test class instance, <c>[TestInitialize]</c>,
    /// the method, <c>[TestCleanup]</c>). See <see cref="VirtualTime.ExploreAsync(Func{VirtualClock, Task}, ExplorationOptions?)"/> for what is explored.</remarks>
    public int Schedules { get; set; }

    /// <summary>Gets or sets the seed of one schedule to replay: the seed a failed exploration printed. Not set: the default order.</summary>
    public int ScheduleSeed
    {
        get => ReplaySeed ?? 0;
        set => ReplaySeed = value;
    }

    /// <summary>Gets the seed to replay, or <see langword="null"/> when <see cref="ScheduleSeed"/> was not set.</summary>
    internal int? ReplaySeed { get; private set; }

    /// <summary>Runs the test on a virtual clock of its own and reports the clock's timelines when it fails.</summary>
    /// <param name="testMethod">The test method MSTest hands over.</param>
    /// <returns>The test's result; a failed result that says what to fix when the method or a setting is wrong.</returns>
    public override async Task<TestResult[]> ExecuteAsync(ITestMethod testMethod)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var limits = new VirtualTimeLimits(RealTimeGrace, RealTimeLimit, VirtualTimeLimit, MaxTimerFiringsIfSet)
        {
            Schedules = Schedules, ScheduleSeed = ReplaySeed,
        };
        limits.ToOptions(out var error);
        error = TestMethodCall.SignatureError(testMethod.MethodInfo, Name, dataParameters: true)
            ?? (error is null ? null : $"{Name} on {testMethod.TestClassName}.{testMethod.TestMethodName}: {error}");
        if (error is not null)
        {
            return [new TestResult { Outcome = UnitTestOutcome.Error, TestFailureException = new InvalidOperationException(error) }];
        }

        var clock = new TestClock();
        TestResult? result = null;
        string? summary = null;
        try
        {
            summary = await VirtualTimeTestRun.RunAsync(limits, clock, async c =>
            {
                result = await testMethod.InvokeAsync(TestMethodCall.WithClock(testMethod.MethodInfo, testMethod.Arguments, c)!).ConfigureAwait(true);
                if (limits.Schedules > 0 && result.Outcome != UnitTestOutcome.Passed)
                {
                    // An exploration goes on while each schedule passes: MSTest's failed result becomes the schedule's failure.
                    throw result.TestFailureException ?? new InvalidOperationException($"The test's outcome was {result.Outcome}.");
                }
            }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is VirtualTimeException or ScheduleExplorationException)
        {
            // The test never finished (it hung, or ran out of budget), or an exploration failed (in the default order or
            // under a schedule): this is the result.
            result = new TestResult { Outcome = UnitTestOutcome.Failed, TestFailureException = WithPhases(ex), LogOutput = result?.LogOutput };
        }

        var report = result!.Outcome == UnitTestOutcome.Passed ? summary : clock.FailureReport(result.TestFailureException?.Message);
        if (report is not null)
        {
            result.LogOutput += report + Environment.NewLine;
        }

        return [result];
    }

    /// <summary>Adds to a diagnosis of the run's body that the body is the whole test, not only the method.</summary>
    /// <remarks>
    /// MSTest runs the constructor, <c>[TestInitialize]</c>, the method and <c>[TestCleanup]</c> in one call, and all of them
    /// run in virtual time: a hang in <c>[TestInitialize]</c> was reported as "the body is still waiting", which reads as the method.
    /// </remarks>
    private static Exception WithPhases(Exception ex) =>
        ex is VirtualTimeException { IsLateStart: false } run && run.Message.Contains("the body", StringComparison.Ordinal)
            ? new VirtualTimeException(
                run.Message + Environment.NewLine + $"In {Name}, the body is the whole test as MSTest runs it: the test class's constructor, " +
                "[TestInitialize], the test method and [TestCleanup]; what waits may be in any of them.",
                run)
            : ex;
}
