using AsyncEnumTesting.Integration;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;
using NUnit.Framework.Internal.Commands;

namespace AsyncEnumTesting.NUnit;

/// <summary>Marks an NUnit test that runs on virtual time with a hang guard, and writes its timelines to the test output when it fails.</summary>
/// <remarks>
/// <para>
/// Use it instead of <c>[Test]</c>. The method runs inside <see cref="VirtualTime.RunAsync(VirtualClock, Func{VirtualClock, Task}, VirtualTimeOptions?)"/>
/// on a new <see cref="VirtualClock"/> per run (per <c>[TestCase]</c>): it may take that clock as its only parameter, or after a
/// <c>[TestCase]</c>'s values as an optional last one (<c>VirtualClock clock = null!</c>), and may return <see cref="Task"/>,
/// <see cref="ValueTask"/> or nothing (not <c>async void</c>). The clock jumps to the next timer whenever nothing can run; a test that
/// waits on something no timer will complete fails with a <see cref="VirtualTimeException"/> naming who waits, instead of hanging the run.
/// <c>[SetUp]</c> and <c>[TearDown]</c> run outside virtual time.
/// </para>
/// <para>
/// When the test fails, every <see cref="Timeline"/> created with the test's clock that the failure message does not already show
/// (<see cref="TimelineReport.RenderTimelines(VirtualClock, string?)"/>: the reader's and the assertion packages' failures carry the table of the
/// timeline they checked) is written to the test's output (<c>TestContext.Out</c>). Inside the run, await NUnit's asynchronous assertions (<c>Assert.ThatAsync</c>): the
/// blocking <c>Assert.ThrowsAsync</c> would block the run's only thread.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// [VirtualTimeTest]
/// public async Task Poller_PollsEveryFiveSeconds(VirtualClock clock)
/// {
///     await new Poller(clock).PollAsync().Take(3).ToListAsync();
///     Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(15)));
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class VirtualTimeTestAttribute : NUnitAttribute, ISimpleTestBuilder, IImplyFixture, IWrapTestMethod, IApplyToTest
{
    private const string Name = "[VirtualTimeTest]";
    private readonly NUnitTestCaseBuilder _builder = new();

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

    private VirtualTimeLimits Limits => new(RealTimeGrace, RealTimeLimit, VirtualTimeLimit, MaxTimerFiringsIfSet)
    {
        Schedules = Schedules, ScheduleSeed = ReplaySeed,
    };

    /// <summary>Builds the test, or a not-runnable test that says what to fix in the method or the settings.</summary>
    /// <param name="method">The test method.</param>
    /// <param name="suite">The fixture the test belongs to.</param>
    /// <returns>The test method.</returns>
    public TestMethod BuildFrom(IMethodInfo method, Test? suite)
    {
        ArgumentNullException.ThrowIfNull(method);

        // The clock parameter gets a placeholder argument, so that NUnit does not reject the method for want of data;
        // the command puts the run's clock in its place.
        var takesClock = method.GetParameters() is [{ ParameterType: var type }] && type == typeof(VirtualClock);
        var parms = takesClock ? new TestCaseParameters([null]) { TestName = method.Name } : null;
        var test = _builder.BuildTestMethod(method, suite, parms);

        var error = TestMethodCall.SignatureError(method.MethodInfo, Name, dataParameters: false);
        if (error is null)
        {
            Limits.ToOptions(out var settingError);
            error = settingError is null ? null : $"{Name} on {method.TypeInfo.Name}.{method.Name}: {settingError}";
        }

        if (error is not null)
        {
            // Replaces a reason NUnit may have given first ("No arguments were provided"): ours says what to write instead.
            test.RunState = RunState.NotRunnable;
            test.Properties.Set(PropertyNames.SkipReason, error);
        }

        return test;
    }

    /// <summary>Runs the test method on virtual time instead of NUnit's own invocation.</summary>
    /// <param name="command">NUnit's command that would invoke the method.</param>
    /// <returns>The command that runs it on virtual time.</returns>
    public TestCommand Wrap(TestCommand command) => new VirtualTimeCommand(command, Limits);

    /// <summary>Replaces NUnit's reason for a parametrised case whose rows leave the clock parameter unfilled with one that says what to write.</summary>
    /// <param name="test">A test NUnit built from the method: from this attribute, or from a data attribute such as <c>[TestCase]</c>.</param>
    /// <remarks>
    /// The run puts its clock in the last parameter, but NUnit checks the rows first: a required clock parameter gets
    /// "Method requires 2 arguments but TestCaseAttribute only supplied 1", which does not say that an optional one works.
    /// </remarks>
    void IApplyToTest.ApplyToTest(Test test)
    {
        if (test is TestMethod { RunState: RunState.NotRunnable, Method: { } method }
            && method.GetParameters() is [_, .., { ParameterType: var type, IsOptional: false }] && type == typeof(VirtualClock))
        {
            test.Properties.Set(
                PropertyNames.SkipReason,
                $"{Name} on {method.TypeInfo.Name}.{method.Name}: the rows of [TestCase] or another data attribute give the values before the " +
                "clock, and NUnit wants every parameter filled. Write the clock as an optional last parameter (VirtualClock clock = null!): " +
                "the run puts its clock there.");
        }
    }
}
