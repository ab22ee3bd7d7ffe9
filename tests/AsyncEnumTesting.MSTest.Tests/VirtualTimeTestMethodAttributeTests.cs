using AsyncEnumTesting.Testing;

[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]

namespace AsyncEnumTesting.MSTest.Tests;

[TestClass]
public sealed class VirtualTimeTestMethodAttributeTests
{
    [VirtualTimeTestMethod]
    public async Task VirtualTimeTestMethod_ClockParameter_RunsAnHourOfDelaysOnVirtualTime(VirtualClock clock)
    {
        await Task.Delay(TimeSpan.FromHours(1), clock);

        Assert.AreEqual(TimeSpan.FromHours(1), clock.Elapsed);
    }

    [VirtualTimeTestMethod]
    [DataRow(5)]
    [DataRow(3600)]
    public async Task VirtualTimeTestMethod_DataRowsAndClock_EachRowOnItsOwnClock(int seconds, VirtualClock clock = null!)
    {
        Assert.AreEqual(TimeSpan.Zero, clock.Elapsed);

        await Task.Delay(TimeSpan.FromSeconds(seconds), clock);

        Assert.AreEqual(TimeSpan.FromSeconds(seconds), clock.Elapsed);
    }

    [VirtualTimeTestMethod]
    public async Task VirtualTimeTestMethod_NoParameter_RunsOnTheRunsContext()
    {
        var before = SynchronizationContext.Current;

        await Task.Yield();

        Assert.IsNotNull(before);
        Assert.AreSame(before, SynchronizationContext.Current);
    }

    [TestMethod]
    public async Task ExecuteAsync_FailingTest_AppendsTheClocksTimelinesToTheOutput()
    {
        var results = await new VirtualTimeTestMethodAttribute().ExecuteAsync(new SampleMethod(nameof(Samples.FailsAfterTwoItems)));

        var result = results.Single();
        Assert.AreEqual(UnitTestOutcome.Failed, result.Outcome);
        Assert.AreEqual(
            """
            own line
            Timeline of "items" (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: none
              00:01.000  #1 MoveNextAsync -> 'a'
              00:03.000  #1 MoveNextAsync -> 'b'
              00:04.000  #1 MoveNextAsync -> completed
              00:04.000  #1 DisposeAsync

            """.ReplaceLineEndings(),
            result.LogOutput);
    }

    [TestMethod]
    public async Task ExecuteAsync_FailureMessageShowsATimeline_AppendsOnlyTheOtherTimelines()
    {
        var result = (await new VirtualTimeTestMethodAttribute().ExecuteAsync(new SampleMethod(nameof(Samples.FailsWithTheShipmentsTimelineInItsMessage)))).Single();

        Assert.AreEqual(UnitTestOutcome.Failed, result.Outcome);
        Assert.AreEqual(ShipmentsBody.Failure, result.TestFailureException!.Message);
        Assert.AreEqual("own line" + Environment.NewLine + ShipmentsBody.OrdersTimeline + Environment.NewLine, result.LogOutput);
    }

    [TestMethod]
    public async Task ExecuteAsync_HangingTest_FailsWithTheHangDiagnosisInsteadOfHanging()
    {
        var attribute = new VirtualTimeTestMethodAttribute { RealTimeGrace = "00:00:00.100" };

        var result = (await attribute.ExecuteAsync(new SampleMethod(nameof(Samples.WaitsForever)))).Single();

        Assert.AreEqual(UnitTestOutcome.Failed, result.Outcome);
        Assert.IsInstanceOfType<VirtualTimeException>(result.TestFailureException);
        Assert.StartsWith("The virtual-time run is stuck: the body is still waiting", result.TestFailureException.Message);
        Assert.EndsWith(
            Environment.NewLine + "In [VirtualTimeTestMethod], the body is the whole test as MSTest runs it: the test class's constructor, " +
            "[TestInitialize], the test method and [TestCleanup]; what waits may be in any of them.",
            result.TestFailureException.Message);
        Assert.IsInstanceOfType<VirtualTimeException>(result.TestFailureException.InnerException);
    }

    [TestMethod]
    public async Task ExecuteAsync_PassingTest_ReturnsMSTestsResultWithoutReport()
    {
        var result = (await new VirtualTimeTestMethodAttribute().ExecuteAsync(new SampleMethod(nameof(Samples.Passes)))).Single();

        Assert.AreEqual(UnitTestOutcome.Passed, result.Outcome);
        Assert.IsNull(result.LogOutput);
    }

    [TestMethod]
    public async Task ExecuteAsync_SchedulesOnARace_FailsWithTheSeedAndAReplayLine()
    {
        var (ex, _) = await FailedExplorationAsync(nameof(Samples.AssumesCreationOrder));

        Assert.AreEqual(2, ex.Seed);
        Assert.StartsWith(
            """
            The body failed under schedule 2 of 20 (seed 2); the default order and 1 other schedule(s) passed.
            Replay it: VirtualTime.RunAsync(body, new VirtualTimeOptions { ScheduleSeed = 2 }), or ScheduleSeed = 2 on the test's attribute.
            What ran in an unusual order (1 reordering(s) against the default order):
              00:01.000  timer #2 of Samples.ArrivalsAsync.ArriveAsync fired before timer #1 of Samples.ArrivalsAsync.ArriveAsync (2 timers due at that instant)
            The failure: AssertFailedException: Assertion failed. Expected strings to be equal.
            """.ReplaceLineEndings("\n"),
            ex.Message.ReplaceLineEndings("\n"));
    }

    [TestMethod]
    public async Task ExecuteAsync_SchedulesOnATestThatFailsInTheDefaultOrder_FailsSayingItIsNoScheduleFinding()
    {
        var (ex, result) = await FailedExplorationAsync(nameof(Samples.FailsWithTheShipmentsTimelineInItsMessage));

        Assert.IsNull(ex.Seed);
        Assert.IsEmpty(ex.Reorderings);
        Assert.IsInstanceOfType<AsyncSequenceAssertionException>(ex.InnerException);
        Assert.AreEqual(
            "The body failed in the default order, before any schedule was explored, so this is not a schedule finding: " +
            "VirtualTime.RunAsync(body) reproduces it, as does the test without Schedules on its attribute." + Environment.NewLine +
            "The failure: AsyncSequenceAssertionException: " + ShipmentsBody.Failure,
            ex.Message);
        Assert.AreEqual("own line" + Environment.NewLine, result.LogOutput);
    }

    [TestMethod]
    public async Task ExecuteAsync_ScheduleSeedOfTheFailure_ReturnsMSTestsOwnFailureAndSaysTheSeed()
    {
        var attribute = new VirtualTimeTestMethodAttribute { ScheduleSeed = 2 };

        var result = (await attribute.ExecuteAsync(new SampleMethod(nameof(Samples.AssumesCreationOrder)))).Single();

        Assert.AreEqual(UnitTestOutcome.Failed, result.Outcome);
        Assert.IsInstanceOfType<AssertFailedException>(result.TestFailureException);
        Assert.AreEqual(
            "own line" + Environment.NewLine + "Replayed schedule 2: the test failed in that schedule's order of same-instant events, "
            + "not in the default order (remove ScheduleSeed to run the default order)." + Environment.NewLine,
            result.LogOutput);
    }

    [TestMethod]
    public async Task ExecuteAsync_SchedulesOnTheCorrectTwin_PassesAndSaysWhatItCovered()
    {
        var attribute = new VirtualTimeTestMethodAttribute { Schedules = 20 };

        var result = (await attribute.ExecuteAsync(new SampleMethod(nameof(Samples.AcceptsEitherOrder)))).Single();

        Assert.AreEqual(UnitTestOutcome.Passed, result.Outcome);
        Assert.AreEqual("Schedule exploration: 21 schedules passed, 5 distinct (up to 3 order decision(s) each)." + Environment.NewLine, result.LogOutput);
    }

    [TestMethod]
    public async Task ExecuteAsync_SchedulesAndScheduleSeed_ErrorSaysKeepOne()
    {
        var attribute = new VirtualTimeTestMethodAttribute { Schedules = 10, ScheduleSeed = 3 };

        var result = (await attribute.ExecuteAsync(new SampleMethod(nameof(Samples.Passes)))).Single();

        Assert.AreEqual(UnitTestOutcome.Error, result.Outcome);
        Assert.AreEqual(
            "[VirtualTimeTestMethod] on Samples.Passes: Schedules = 10 and ScheduleSeed = 3 are both set: "
            + "ScheduleSeed replays the one schedule a failed exploration printed, Schedules explores many. Keep one.",
            result.TestFailureException!.Message);
    }

    [TestMethod]
    public async Task ExecuteAsync_ClockNotLast_ErrorSaysWhereItGoes()
    {
        var result = (await new VirtualTimeTestMethodAttribute().ExecuteAsync(new SampleMethod(nameof(Samples.ClockFirst)))).Single();

        Assert.AreEqual(UnitTestOutcome.Error, result.Outcome);
        Assert.AreEqual(
            "[VirtualTimeTestMethod] on Samples.ClockFirst: the method may take one VirtualClock parameter, as its last parameter.",
            result.TestFailureException!.Message);
    }

    [TestMethod]
    public async Task ExecuteAsync_BadBudget_ErrorSaysHowToWriteIt()
    {
        var attribute = new VirtualTimeTestMethodAttribute { VirtualTimeLimit = "1h" };

        var result = (await attribute.ExecuteAsync(new SampleMethod(nameof(Samples.Passes)))).Single();

        Assert.AreEqual(UnitTestOutcome.Error, result.Outcome);
        Assert.AreEqual(
            "[VirtualTimeTestMethod] on Samples.Passes: VirtualTimeLimit \"1h\" is not a TimeSpan: write it as [days.]hours:minutes:seconds[.fraction], like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h).",
            result.TestFailureException!.Message);
    }

    [TestMethod]
    public async Task ExecuteAsync_RealTimeGraceOutOfRange_ErrorSaysTheRange()
    {
        var attribute = new VirtualTimeTestMethodAttribute { RealTimeGrace = "00:00:60" };

        var result = (await attribute.ExecuteAsync(new SampleMethod(nameof(Samples.Passes)))).Single();

        Assert.AreEqual(UnitTestOutcome.Error, result.Outcome);
        Assert.AreEqual(
            "[VirtualTimeTestMethod] on Samples.Passes: RealTimeGrace \"00:00:60\" is out of range: minutes and seconds go up to 59, hours up to 23 after a day count (\"1.23:00:00\"), "
            + "and VirtualTimeOptions.RealTimeGrace takes at most TimeSpan.MaxValue (10675199.02:48:05.4775807); write it like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h).",
            result.TestFailureException!.Message);
    }

    [TestMethod]
    public async Task ExecuteAsync_ZeroTimerFirings_ErrorSaysToLeaveItOutForTheDefault()
    {
        var attribute = new VirtualTimeTestMethodAttribute { MaxTimerFirings = 0 };

        var result = (await attribute.ExecuteAsync(new SampleMethod(nameof(Samples.Passes)))).Single();

        Assert.AreEqual(UnitTestOutcome.Error, result.Outcome);
        Assert.AreEqual(
            "[VirtualTimeTestMethod] on Samples.Passes: MaxTimerFirings is 0: give a positive value, or leave it out for the default.",
            result.TestFailureException!.Message);
    }

    /// <summary>Runs a sample under <c>Schedules = 20</c>, checks that it failed, and returns the exploration's failure.</summary>
    private static async Task<(ScheduleExplorationException Failure, TestResult Result)> FailedExplorationAsync(string sample)
    {
        var result = (await new VirtualTimeTestMethodAttribute { Schedules = 20 }.ExecuteAsync(new SampleMethod(sample))).Single();

        Assert.AreEqual(UnitTestOutcome.Failed, result.Outcome);
        return (Assert.IsInstanceOfType<ScheduleExplorationException>(result.TestFailureException), result);
    }
}
