using AsyncEnumTesting.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AsyncEnumTesting.Xunit.Tests.Sdk;

/// <summary>Runs failing and hanging sample tests through xunit's runner classes in-process; the samples are private, so the real run never discovers them.</summary>
public sealed class VirtualTimeTestRunnerTests
{
    [Fact]
    public async Task RunAsync_TestWaitsOnNothing_FailsFastWithDiagnosisInsteadOfHanging()
    {
        var testCase = XunitHarness.Discover<Samples>(nameof(Samples.WaitsForever));

        var result = await XunitHarness.RunAsync(testCase);

        var failed = result.Failed;
        Assert.Equal(typeof(VirtualTimeException).FullName, failed.ExceptionTypes[0]);
        Assert.StartsWith(
            "The virtual-time run is stuck: the body is still waiting (task status WaitingForActivation), but no work is queued and no timer " +
            "is pending, and nothing posted work for 0.100 s of real time.",
            failed.Messages[0],
            StringComparison.Ordinal);
        Assert.Contains("Virtual time reached 00:02.000 after 1 timer firing(s)", failed.Messages[0], StringComparison.Ordinal);
        Assert.EndsWith("\nWaiting now:\n  probe \"shipments\" #1 in MoveNextAsync since 00:02.000 (token: none)", failed.Messages[0].ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(
            "Timeline of \"shipments\" (virtual time):\n" +
            "  00:00.000     mark \"order placed\"\n" +
            "  00:00.000  #1 GetAsyncEnumerator  token: none\n" +
            "  00:02.000  #1 MoveNextAsync -> 1\n" +
            "  00:02.000     mark \"shipped 1\"\n" +
            "  00:02.000  #1 MoveNextAsync started",
            failed.Output.ReplaceLineEndings("\n"));
        Assert.True(result.RealTime < TimeSpan.FromSeconds(10), $"The hanging test took {result.RealTime} of real time.");
    }

    [Fact]
    public async Task RunAsync_FailingTestWithTimelines_WritesEveryTimelineToOutput()
    {
        var testCase = XunitHarness.Discover<Samples>(nameof(Samples.FailsWithTwoTimelines));

        var result = await XunitHarness.RunAsync(testCase);

        Assert.Equal("the order was never shipped", result.Failed.Messages[0]);
        Assert.Equal(
            "Timeline (virtual time):\n  00:00.000  mark \"order placed\"\n  00:05.000  mark \"payment taken\"\n" +
            "Timeline (virtual time): no events",
            result.Failed.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task RunAsync_FailureMessageShowsATimeline_WritesOnlyTheOtherTimelines()
    {
        var testCase = XunitHarness.Discover<Samples>(nameof(Samples.FailsWithTheShipmentsTimelineInItsMessage));

        var result = await XunitHarness.RunAsync(testCase);

        Assert.Equal(ShipmentsBody.Failure, result.Failed.Messages[0].ReplaceLineEndings());
        Assert.Equal(ShipmentsBody.OrdersTimeline, result.Failed.Output.ReplaceLineEndings());
    }

    [Fact]
    public async Task RunAsync_SynchronousTestThrows_ReportsTheTestsOwnException()
    {
        var testCase = XunitHarness.Discover<Samples>(nameof(Samples.ThrowsSynchronously));

        var result = await XunitHarness.RunAsync(testCase);

        Assert.Equal(typeof(FormatException).FullName, result.Failed.ExceptionTypes[0]);
        Assert.Equal("bad order id", result.Failed.Messages[0]);
    }

    [Fact]
    public async Task RunAsync_PassingTestWithTimeline_WritesNoReport()
    {
        var testCase = XunitHarness.Discover<Samples>(nameof(Samples.PassesWithTimeline));

        var result = await XunitHarness.RunAsync(testCase);

        Assert.Equal(string.Empty, result.Passed.Output);
    }

    [Fact]
    public async Task RunAsync_ClassTakesOutputHelper_ReportFollowsTheTestsOwnLines()
    {
        var testCase = XunitHarness.Discover<SamplesWithOutput>(nameof(SamplesWithOutput.WritesThenFails));

        // xunit 2.9 hands the class's output helper over as a factory, created per test.
        var result = await XunitHarness.RunAsync(testCase, new Func<TestOutputHelper>(() => new TestOutputHelper()));
        Assert.Equal("not shipped", result.Failed.Messages[0]);

        Assert.Equal(
            "checking the order\nTimeline (virtual time):\n  00:01.000  mark \"checked\"\n",
            result.Failed.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task RunAsync_OverVirtualTimeLimit_FailsNamingTheBudget()
    {
        var testCase = XunitHarness.Discover<Samples>(nameof(Samples.PollsForAMinuteOnTenSecondBudget));

        var result = await XunitHarness.RunAsync(testCase);

        Assert.StartsWith(
            "The virtual-time run used up its budget of 00:10.000 of virtual time: the next timer is due at 01:00.000.",
            result.Failed.Messages[0],
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TwoCollectionsAtOnce_EachHasItsOwnClockAndReport()
    {
        var rendezvous = new Rendezvous();
        var first = XunitHarness.Discover<ParallelSamples>(nameof(ParallelSamples.First), collection: "first");
        var second = XunitHarness.Discover<ParallelSamples>(nameof(ParallelSamples.Second), collection: "second");

        // Each body waits until the other has started, so they overlap in real time.
        var results = await Task.WhenAll(XunitHarness.RunAsync(first, rendezvous), XunitHarness.RunAsync(second, rendezvous));

        Assert.Equal("first ends at 1:00:00.000", results[0].Failed.Messages[0]);
        Assert.Equal(
            "Timeline (virtual time):\n  00:00.000    mark \"first begins\"\n  1:00:00.000  mark \"first after an hour\"",
            results[0].Failed.Output.ReplaceLineEndings("\n"));
        Assert.Equal("second ends at 01:00.000", results[1].Failed.Messages[0]);
        Assert.Equal(
            "Timeline (virtual time):\n  00:00.000  mark \"second begins\"\n  01:00.000  mark \"second after a minute\"",
            results[1].Failed.Output.ReplaceLineEndings("\n"));
    }

#pragma warning disable xUnit1000 // Private samples: the real run never discovers them.
    private sealed class Samples
    {
        [VirtualTimeFact(RealTimeGrace = "00:00:00.100")]
        public async Task WaitsForever(VirtualClock clock)
        {
            var timeline = new Timeline(clock);
            timeline.Mark("order placed");
            var shipments = NeverShips(clock).Probe(timeline, "shipments");
            await foreach (var shipment in shipments)
            {
                timeline.Mark($"shipped {shipment}");
            }
        }

        private static async IAsyncEnumerable<int> NeverShips(VirtualClock clock)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), clock);
            yield return 1;
            await new TaskCompletionSource().Task;
        }

        [VirtualTimeFact]
        public async Task FailsWithTwoTimelines(VirtualClock clock)
        {
            var orders = new Timeline(clock);
            _ = new Timeline(clock);
            orders.Mark("order placed");
            await Task.Delay(TimeSpan.FromSeconds(5), clock);
            orders.Mark("payment taken");
            Assert.Fail("the order was never shipped");
        }

        [VirtualTimeFact]
        public Task FailsWithTheShipmentsTimelineInItsMessage(VirtualClock clock) => ShipmentsBody.RunAsync(clock);

        [VirtualTimeFact]
        public void ThrowsSynchronously() => throw new FormatException("bad order id");

        [VirtualTimeFact]
        public async Task PassesWithTimeline(VirtualClock clock)
        {
            new Timeline(clock).Mark("fine");
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
        }

        [VirtualTimeFact(VirtualTimeLimit = "00:00:10")]
        public async Task PollsForAMinuteOnTenSecondBudget(VirtualClock clock) => await Task.Delay(TimeSpan.FromMinutes(1), clock);
    }

    private sealed class SamplesWithOutput(ITestOutputHelper output)
    {
        [VirtualTimeFact]
        public async Task WritesThenFails(VirtualClock clock)
        {
            output.WriteLine("checking the order");
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            new Timeline(clock).Mark("checked");
            Assert.Fail("not shipped");
        }
    }

    private sealed class Rendezvous
    {
        public TaskCompletionSource FirstStarted { get; } = new();

        public TaskCompletionSource SecondStarted { get; } = new();
    }

    private sealed class ParallelSamples(Rendezvous rendezvous)
    {
        [VirtualTimeFact(RealTimeGrace = "00:00:05")]
        public async Task First(VirtualClock clock)
        {
            var timeline = new Timeline(clock);
            timeline.Mark("first begins");
            rendezvous.FirstStarted.SetResult();
            await rendezvous.SecondStarted.Task;
            await Task.Delay(TimeSpan.FromHours(1), clock);
            timeline.Mark("first after an hour");
            Assert.Fail($"first ends at {clock.Elapsed:h\\:mm\\:ss\\.fff}");
        }

        [VirtualTimeFact(RealTimeGrace = "00:00:05")]
        public async Task Second(VirtualClock clock)
        {
            var timeline = new Timeline(clock);
            timeline.Mark("second begins");
            rendezvous.SecondStarted.SetResult();
            await rendezvous.FirstStarted.Task;
            await Task.Delay(TimeSpan.FromMinutes(1), clock);
            timeline.Mark("second after a minute");
            Assert.Fail($"second ends at {clock.Elapsed:mm\\:ss\\.fff}");
        }
    }
#pragma warning restore xUnit1000
}
