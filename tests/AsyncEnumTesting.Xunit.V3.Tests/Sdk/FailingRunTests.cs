using AsyncEnumTesting.Testing;
using AsyncEnumTesting.Xunit.V3;

namespace AsyncEnumTesting.Xunit.V3.Tests;

/// <summary>What virtual-time tests report when they fail, hang or are written wrong, run in process through xunit (3.x or 4.x, as built).</summary>
public sealed class FailingRunTests
{
    [Fact]
    public async Task VirtualTimeFact_FailingTest_WritesTheClocksTimelinesToTheOutput()
    {
        var result = (await InProcessRun.RunAsync(typeof(Samples))).Single(r => r.Name.EndsWith(nameof(Samples.FailsAfterTwoItems), StringComparison.Ordinal));

        Assert.Equal("Failed", result.Outcome);
        Assert.StartsWith("Xunit.Sdk.EqualException: Assert.Equal() Failure", result.Message, StringComparison.Ordinal);
        Assert.Equal(
            """
            Timeline of "items" (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: none
              00:01.000  #1 MoveNextAsync -> 'a'
              00:03.000  #1 MoveNextAsync -> 'b'
              00:04.000  #1 MoveNextAsync -> completed
              00:04.000  #1 DisposeAsync

            """.ReplaceLineEndings(),
            result.Output);
    }

    [Fact]
    public async Task VirtualTimeFact_FailureMessageShowsATimeline_WritesOnlyTheOtherTimelines()
    {
        var result = (await InProcessRun.RunAsync(typeof(Samples))).Single(r => r.Name.EndsWith(nameof(Samples.FailsWithTheShipmentsTimelineInItsMessage), StringComparison.Ordinal));

        Assert.Equal("AsyncEnumTesting.AsyncSequenceAssertionException: " + ShipmentsBody.Failure, result.Message.ReplaceLineEndings());
        Assert.Equal(ShipmentsBody.OrdersTimeline + Environment.NewLine, result.Output);
    }

    [Fact]
    public async Task VirtualTimeFact_HangingTest_FailsWithTheHangDiagnosisInsteadOfHanging()
    {
        var result = (await InProcessRun.RunAsync(typeof(Samples))).Single(r => r.Name.EndsWith(nameof(Samples.WaitsForever), StringComparison.Ordinal));

        Assert.Equal("Failed", result.Outcome);
        Assert.StartsWith("AsyncEnumTesting.VirtualTimeException: The virtual-time run is stuck: the body is still waiting", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VirtualTimeFact_PassingTest_PassesWithNoOutput()
    {
        var result = (await InProcessRun.RunAsync(typeof(Samples))).Single(r => r.Name.EndsWith(nameof(Samples.Passes), StringComparison.Ordinal));

        Assert.Equal(new RunResult(result.Name, "Passed", string.Empty, string.Empty), result);
    }

    [Fact]
    public async Task VirtualTimeFact_ParameterOtherThanTheClock_FailsSayingWhatToWrite()
    {
        var result = (await InProcessRun.RunAsync(typeof(Samples))).Single(r => r.Name.EndsWith(nameof(Samples.TakesAnInt), StringComparison.Ordinal));

        Assert.Equal("Failed", result.Outcome);
        Assert.Equal(
            "Xunit.Sdk.TestPipelineException: [VirtualTimeFact] on Samples.TakesAnInt: the method may take one VirtualClock parameter and nothing else. Create fakes and probes inside the test with that clock.",
            result.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task VirtualTimeTheory_FailingRow_WritesOnlyThatRowsTimeline(bool preEnumerateTheories)
    {
        var results = (await InProcessRun.RunAsync(typeof(Samples), preEnumerateTheories)).Where(r => r.Name.Contains(nameof(Samples.WaitsTheRowsSeconds), StringComparison.Ordinal)).ToList();

        Assert.Equal(["Passed", "Failed"], results.Select(r => r.Outcome));
        Assert.Equal(string.Empty, results[0].Output);
        Assert.Contains("00:03.000  #1 MoveNextAsync -> completed", results[1].Output, StringComparison.Ordinal);
    }

#pragma warning disable xUnit1000 // internal on purpose: xunit's discovery of the outer run skips it; InProcessRun runs it
    /// <summary>Test methods run by <see cref="InProcessRun"/> only, outside the outer run's discovery.</summary>
    internal sealed class Samples
    {
        [VirtualTimeFact]
        public async Task FailsAfterTwoItems(VirtualClock clock)
        {
            var items = FakeSequence.FromMarbles(clock, "-a-b|", frame: TimeSpan.FromSeconds(1)).Probe(new Timeline(clock), "items");
            Assert.Equal(3, await items.CountAsync());
        }

        [VirtualTimeFact]
        public Task FailsWithTheShipmentsTimelineInItsMessage(VirtualClock clock) => ShipmentsBody.RunAsync(clock);

        [VirtualTimeFact(RealTimeGrace = "00:00:00.100")]
        public Task WaitsForever(VirtualClock clock) => new TaskCompletionSource().Task;

        [VirtualTimeFact]
        public Task Passes(VirtualClock clock) => Task.Delay(TimeSpan.FromSeconds(1), clock);

        [VirtualTimeFact]
        public void TakesAnInt(int value, VirtualClock clock)
        {
        }

        [VirtualTimeTheory]
        [InlineData(1)]
        [InlineData(3)]
        public async Task WaitsTheRowsSeconds(int seconds, VirtualClock clock = null!)
        {
            var items = FakeSequence.FromMarbles(clock, "-|", frame: TimeSpan.FromSeconds(seconds)).Probe(new Timeline(clock), "items");
            await items.CountAsync();
            Assert.True(seconds < 2);
        }
    }
#pragma warning restore xUnit1000
}
