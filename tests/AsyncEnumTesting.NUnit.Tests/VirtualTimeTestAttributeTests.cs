using AsyncEnumTesting.Testing;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace AsyncEnumTesting.NUnit.Tests;

public sealed class VirtualTimeTestAttributeTests
{
    [VirtualTimeTest]
    public async Task VirtualTimeTest_ClockParameter_RunsAnHourOfDelaysOnVirtualTime(VirtualClock clock)
    {
        await Task.Delay(TimeSpan.FromHours(1), clock);

        Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromHours(1)));
    }

    [VirtualTimeTest]
    public async Task VirtualTimeTest_NoParameter_RunsInsideAVirtualTimeRun()
    {
        var before = SynchronizationContext.Current;

        await Task.Yield();

        Assert.That(before, Is.Not.Null);
        Assert.That(SynchronizationContext.Current, Is.SameAs(before));
    }

    [VirtualTimeTest]
    [TestCase(5)]
    [TestCase(3600)]
    public async Task VirtualTimeTest_TestCasesAndClock_EachCaseOnItsOwnClock(int seconds, VirtualClock clock = null!)
    {
        Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.Zero));

        await Task.Delay(TimeSpan.FromSeconds(seconds), clock);

        Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [VirtualTimeTest]
    public async ValueTask VirtualTimeTest_ValueTaskMethod_IsAwaited(VirtualClock clock)
    {
        await Task.Delay(TimeSpan.FromDays(1), clock);

        Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromDays(1)));
    }

    [Test]
    public void Execute_FailingTest_WritesTheClocksTimelinesToTheOutputAndRethrows()
    {
        var (command, context) = Prepare(nameof(Samples.FailsAfterTwoItems), new VirtualTimeTestAttribute());

        var ex = Assert.Throws<AssertionException>(() => command.Execute(context));

        Assert.That(ex!.Message, Does.Contain("Expected: 3"));
        Assert.That(
            context.CurrentResult.Output,
            Is.EqualTo(
                """
                Timeline of "items" (virtual time):
                  00:00.000  #1 GetAsyncEnumerator  token: none
                  00:01.000  #1 MoveNextAsync -> 'a'
                  00:03.000  #1 MoveNextAsync -> 'b'
                  00:04.000  #1 MoveNextAsync -> completed
                  00:04.000  #1 DisposeAsync

                """.ReplaceLineEndings()));
    }

    [Test]
    public void Execute_FailureMessageShowsATimeline_WritesOnlyTheOtherTimelines()
    {
        var (command, context) = Prepare(nameof(Samples.FailsWithTheShipmentsTimelineInItsMessage), new VirtualTimeTestAttribute());

        var ex = Assert.Throws<AsyncSequenceAssertionException>(() => command.Execute(context));

        Assert.That(ex!.Message, Is.EqualTo(ShipmentsBody.Failure));
        Assert.That(context.CurrentResult.Output, Is.EqualTo(ShipmentsBody.OrdersTimeline + Environment.NewLine));
    }

    [Test]
    public void Execute_HangingTest_FailsWithTheHangDiagnosisInsteadOfHanging()
    {
        var (command, context) = Prepare(nameof(Samples.WaitsForever), new VirtualTimeTestAttribute { RealTimeGrace = "00:00:00.100" });

        var ex = Assert.Throws<VirtualTimeException>(() => command.Execute(context));

        Assert.That(ex!.Message, Does.StartWith("The virtual-time run is stuck: the body is still waiting"));
    }

    [Test]
    public void Execute_PassingTest_RecordsSuccess()
    {
        var (command, context) = Prepare(nameof(Samples.Passes), new VirtualTimeTestAttribute());

        var result = command.Execute(context);

        Assert.That(result.ResultState, Is.EqualTo(ResultState.Success));
        Assert.That(result.Output, Is.Empty);
    }

    [Test]
    public void Execute_SchedulesOnARace_FailsWithTheSeedAndAReplayLine()
    {
        var (command, context) = Prepare(nameof(Samples.AssumesCreationOrder), new VirtualTimeTestAttribute { Schedules = 20 });

        var ex = Assert.Throws<ScheduleExplorationException>(() => command.Execute(context));

        Assert.That(ex!.Seed, Is.EqualTo(2));
        Assert.That(
            ex.Message.ReplaceLineEndings("\n"),
            Does.StartWith(
                """
                The body failed under schedule 2 of 20 (seed 2); the default order and 1 other schedule(s) passed.
                Replay it: VirtualTime.RunAsync(body, new VirtualTimeOptions { ScheduleSeed = 2 }), or ScheduleSeed = 2 on the test's attribute.
                What ran in an unusual order (1 reordering(s) against the default order):
                  00:01.000  timer #2 of VirtualTimeTestAttributeTests.Samples.ArrivalsAsync.ArriveAsync fired before timer #1 of VirtualTimeTestAttributeTests.Samples.ArrivalsAsync.ArriveAsync (2 timers due at that instant)
                The failure: AssertionException:
                """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Execute_ScheduleSeedOfTheFailure_ReplaysTheFailureItself()
    {
        var (command, context) = Prepare(nameof(Samples.AssumesCreationOrder), new VirtualTimeTestAttribute { ScheduleSeed = 2 });

        var ex = Assert.Throws<AssertionException>(() => command.Execute(context));

        Assert.That(ex!.Message, Does.Contain("But was:  \"trade,quote\""));
    }

    [Test]
    public void Execute_SchedulesOnTheCorrectTwin_PassesAndWritesWhatItCovered()
    {
        var (command, context) = Prepare(nameof(Samples.AcceptsEitherOrder), new VirtualTimeTestAttribute { Schedules = 20 });

        var result = command.Execute(context);

        Assert.That(result.ResultState, Is.EqualTo(ResultState.Success));
        Assert.That(result.Output, Is.EqualTo("Schedule exploration: 21 schedules passed, 5 distinct (up to 3 order decision(s) each)." + Environment.NewLine));
    }

    [Test]
    public void BuildFrom_SchedulesAndScheduleSeed_IsNotRunnableAndSaysKeepOne()
    {
        var test = Build(nameof(Samples.Passes), new VirtualTimeTestAttribute { Schedules = 10, ScheduleSeed = 3 });

        Assert.That(test.RunState, Is.EqualTo(RunState.NotRunnable));
        Assert.That(
            test.Properties.Get(PropertyNames.SkipReason),
            Is.EqualTo(
                "[VirtualTimeTest] on Samples.Passes: Schedules = 10 and ScheduleSeed = 3 are both set: "
                + "ScheduleSeed replays the one schedule a failed exploration printed, Schedules explores many. Keep one."));
    }

    [Test]
    public void BuildFrom_TimeProviderParameter_IsNotRunnableAndSaysToDeclareAVirtualClock()
    {
        var test = Build(nameof(Samples.TakesATimeProvider), new VirtualTimeTestAttribute());

        Assert.That(test.RunState, Is.EqualTo(RunState.NotRunnable));
        Assert.That(
            test.Properties.Get(PropertyNames.SkipReason),
            Is.EqualTo("[VirtualTimeTest] on Samples.TakesATimeProvider: the parameter clock is a TimeProvider: declare it as VirtualClock, the clock the run passes (it is a TimeProvider)."));
    }

    [Test]
    public void BuildFrom_ClockNotTheOnlyParameter_IsNotRunnableAndSaysWhy()
    {
        var test = Build(nameof(Samples.TakesAnInt), new VirtualTimeTestAttribute());

        Assert.That(test.RunState, Is.EqualTo(RunState.NotRunnable));
        Assert.That(
            test.Properties.Get(PropertyNames.SkipReason),
            Is.EqualTo("[VirtualTimeTest] on Samples.TakesAnInt: the method may take one VirtualClock parameter and nothing else. Create fakes and probes inside the test with that clock."));
    }

    [Test]
    public void ApplyToTest_TestCaseRowsAndARequiredClock_IsNotRunnableAndSaysToMakeTheClockOptional()
    {
        var test = new TestCaseAttribute(5).BuildFrom(new MethodWrapper(typeof(Samples), nameof(Samples.TakesAnIntAndARequiredClock)), null).Single();

        Assert.That(test.RunState, Is.EqualTo(RunState.NotRunnable));
        Assert.That(
            test.Properties.Get(PropertyNames.SkipReason),
            Is.EqualTo(
                "[VirtualTimeTest] on Samples.TakesAnIntAndARequiredClock: the rows of [TestCase] or another data attribute give the values " +
                "before the clock, and NUnit wants every parameter filled. Write the clock as an optional last parameter " +
                "(VirtualClock clock = null!): the run puts its clock there."));
    }

    [Test]
    public void BuildFrom_BadBudget_IsNotRunnableAndSaysHowToWriteIt()
    {
        var test = Build(nameof(Samples.Passes), new VirtualTimeTestAttribute { VirtualTimeLimit = "1h" });

        Assert.That(test.RunState, Is.EqualTo(RunState.NotRunnable));
        Assert.That(
            test.Properties.Get(PropertyNames.SkipReason),
            Is.EqualTo(
                "[VirtualTimeTest] on Samples.Passes: VirtualTimeLimit \"1h\" is not a TimeSpan: write it as [days.]hours:minutes:seconds[.fraction], like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h)."));
    }

    [Test]
    public void BuildFrom_ZeroGrace_IsNotRunnableAndSaysToLeaveItOutForTheDefault()
    {
        var test = Build(nameof(Samples.Passes), new VirtualTimeTestAttribute { RealTimeGrace = "00:00:00" });

        Assert.That(test.RunState, Is.EqualTo(RunState.NotRunnable));
        Assert.That(
            test.Properties.Get(PropertyNames.SkipReason),
            Is.EqualTo(
                "[VirtualTimeTest] on Samples.Passes: RealTimeGrace \"00:00:00\" is zero: VirtualTimeOptions.RealTimeGrace must be positive; write it like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h), or leave it out for the default (00:00:01)."));
    }

    [Test]
    public void BuildFrom_BareNumberRealTimeLimit_IsNotRunnableAndSaysTimeSpanReadsItAsDays()
    {
        var test = Build(nameof(Samples.Passes), new VirtualTimeTestAttribute { RealTimeLimit = "30" });

        Assert.That(test.RunState, Is.EqualTo(RunState.NotRunnable));
        Assert.That(
            test.Properties.Get(PropertyNames.SkipReason),
            Is.EqualTo(
                "[VirtualTimeTest] on Samples.Passes: RealTimeLimit \"30\" has no colon, so TimeSpan reads it as days (30.00:00:00); if that is what you mean, write \"30.00:00:00\", else write it like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h)."));
    }

    [Test]
    public void BuildFrom_ClockParameter_IsRunnableAndNamedAfterTheMethod()
    {
        var test = Build(nameof(Samples.Passes), new VirtualTimeTestAttribute());

        Assert.That(test.RunState, Is.EqualTo(RunState.Runnable));
        Assert.That(test.Name, Is.EqualTo(nameof(Samples.Passes)));
    }

    private static TestMethod Build(string name, VirtualTimeTestAttribute attribute) =>
        attribute.BuildFrom(new MethodWrapper(typeof(Samples), name), null);

    private static (TestCommand Command, TestExecutionContext Context) Prepare(string name, VirtualTimeTestAttribute attribute)
    {
        var test = Build(name, attribute);
        var context = new TestExecutionContext { CurrentTest = test, TestObject = new Samples() };
        context.CurrentResult = test.MakeTestResult();
        return (attribute.Wrap(new TestMethodCommand(test)), context);
    }

    /// <summary>Test methods run by hand through the attribute's command, outside NUnit's discovery.</summary>
    [Explicit("run through the attribute's command by the tests above")]
    public sealed class Samples
    {
        public async Task FailsAfterTwoItems(VirtualClock clock)
        {
            var items = FakeSequence.FromMarbles(clock, "-a-b|", frame: TimeSpan.FromSeconds(1)).Probe(new Timeline(clock), "items");
            Assert.That(await items.CountAsync(), Is.EqualTo(3));
        }

        public Task FailsWithTheShipmentsTimelineInItsMessage(VirtualClock clock) => ShipmentsBody.RunAsync(clock);

        public Task WaitsForever(VirtualClock clock) => new TaskCompletionSource().Task;

        public Task Passes(VirtualClock clock) => Task.Delay(TimeSpan.FromSeconds(1), clock);

        public Task AssumesCreationOrder(VirtualClock clock) => ArrivalsAsync(clock, either: false);

        public Task AcceptsEitherOrder(VirtualClock clock) => ArrivalsAsync(clock, either: true);

        /// <summary>Two arrivals due at the same instant; the buggy check assumes they come in the order they were started.</summary>
        private static async Task ArrivalsAsync(VirtualClock clock, bool either)
        {
            var arrivals = new List<string>();
            async Task ArriveAsync(string name)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock);
                arrivals.Add(name);
            }

            await Task.WhenAll(ArriveAsync("quote"), ArriveAsync("trade"));
            IEnumerable<string> seen = either ? arrivals.Order(StringComparer.Ordinal) : arrivals; // the correct twin does not depend on the order
            Assert.That(string.Join(",", seen), Is.EqualTo("quote,trade"));
        }

        public void TakesAnInt(int value, VirtualClock clock)
        {
        }

        public void TakesATimeProvider(TimeProvider clock)
        {
        }

        [VirtualTimeTest]
        public void TakesAnIntAndARequiredClock(int value, VirtualClock clock)
        {
        }
    }
}
