using Xunit.Sdk;

namespace AsyncEnumTesting.Xunit.Tests.Sdk;

/// <summary>Schedules and ScheduleSeed on the xunit v2 attributes, run in-process through xunit's runner classes.</summary>
public sealed class ScheduleExplorationTests
{
    [Fact]
    public async Task RunAsync_SchedulesOnARace_FailsWithTheSeedAndAReplayLine()
    {
        var testCase = XunitHarness.Discover<Samples>(nameof(Samples.AssumesCreationOrder));

        var result = await XunitHarness.RunAsync(testCase);

        Assert.Equal(typeof(ScheduleExplorationException).FullName, result.Failed.ExceptionTypes[0]);
        Assert.Equal(
            """
            The body failed under schedule 2 of 20 (seed 2); the default order and 1 other schedule(s) passed.
            Replay it: VirtualTime.RunAsync(body, new VirtualTimeOptions { ScheduleSeed = 2 }), or ScheduleSeed = 2 on the test's attribute.
            What ran in an unusual order (1 reordering(s) against the default order):
              00:01.000  timer #2 of ScheduleExplorationTests.Race.ArrivalsAsync.ArriveAsync fired before timer #1 of ScheduleExplorationTests.Race.ArrivalsAsync.ArriveAsync (2 timers due at that instant)
            The failure: EqualException: Assert.Equal() Failure: Strings differ
                       ↓ (pos 0)
            Expected: "quote,trade"
            Actual:   "trade,quote"
                       ↑ (pos 0)
            """.ReplaceLineEndings("\n"),
            result.Failed.Messages[0].ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task RunAsync_ScheduleSeedOfTheFailure_ReplaysTheFailureItself()
    {
        var testCase = XunitHarness.Discover<Samples>(nameof(Samples.AssumesCreationOrderReplayed));

        var result = await XunitHarness.RunAsync(testCase);

        Assert.Equal(typeof(EqualException).FullName, result.Failed.ExceptionTypes[0]);
        Assert.StartsWith("Assert.Equal() Failure: Strings differ", result.Failed.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SchedulesOnTheCorrectTwin_PassesAndSaysWhatItCovered()
    {
        var testCase = XunitHarness.Discover<Samples>(nameof(Samples.AcceptsEitherOrder));

        var result = await XunitHarness.RunAsync(testCase);

        Assert.Equal(
            "Schedule exploration: 21 schedules passed, 5 distinct (up to 3 order decision(s) each).",
            result.Passed.Output);
    }

    [Fact]
    public async Task Discover_SchedulesAndScheduleSeed_ErrorCaseSaysKeepOne()
    {
        var testCase = XunitHarness.Discover<Samples>(nameof(Samples.BothSet));

        var result = await XunitHarness.RunAsync(testCase);

        Assert.Equal(
            $"[VirtualTimeFact] on {typeof(Samples).FullName}.{nameof(Samples.BothSet)}: Schedules = 10 and ScheduleSeed = 3 are both set: "
            + "ScheduleSeed replays the one schedule a failed exploration printed, Schedules explores many. Keep one.",
            result.Failed.Messages[0]);
    }

    [Fact]
    public async Task Discover_SerializedAndDeserialized_KeepsSchedulesAndSeed()
    {
        var testCase = XunitHarness.Discover<Samples>(nameof(Samples.AssumesCreationOrderReplayed));

        var copy = SerializationHelper.Deserialize<IXunitTestCase>(SerializationHelper.Serialize(testCase));
        var result = await XunitHarness.RunAsync(copy);

        Assert.Equal(typeof(EqualException).FullName, result.Failed.ExceptionTypes[0]);
    }

#pragma warning disable xUnit1000 // Private samples: the real run never discovers them.
    private sealed class Samples
    {
        [VirtualTimeFact(Schedules = 20)]
        public Task AssumesCreationOrder(VirtualClock clock) => Race.ArrivalsAsync(clock, either: false);

        [VirtualTimeFact(ScheduleSeed = 2)]
        public Task AssumesCreationOrderReplayed(VirtualClock clock) => Race.ArrivalsAsync(clock, either: false);

        [VirtualTimeFact(Schedules = 20)]
        public Task AcceptsEitherOrder(VirtualClock clock) => Race.ArrivalsAsync(clock, either: true);

        [VirtualTimeFact(Schedules = 10, ScheduleSeed = 3)]
        public Task BothSet(VirtualClock clock) => Race.ArrivalsAsync(clock, either: true);
    }
#pragma warning restore xUnit1000

    /// <summary>Two arrivals due at the same instant; the buggy check assumes they come in the order they were started.</summary>
    private static class Race
    {
        public static async Task ArrivalsAsync(VirtualClock clock, bool either)
        {
            var arrivals = new List<string>();
            async Task ArriveAsync(string name)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock);
                arrivals.Add(name);
            }

            await Task.WhenAll(ArriveAsync("quote"), ArriveAsync("trade"));
            IEnumerable<string> seen = either ? arrivals.Order(StringComparer.Ordinal) : arrivals; // the correct twin does not depend on the order
            Assert.Equal("quote,trade", string.Join(",", seen));
        }
    }
}
