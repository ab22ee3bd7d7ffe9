using Xunit.Abstractions;
using Xunit.Sdk;

namespace AsyncEnumTesting.Xunit.Tests.Sdk;

public sealed class VirtualTimeTheoryDiscovererTests
{
    [Fact]
    public async Task Discover_InlineRows_OneVirtualTimeCasePerRowEachOnItsOwnClock()
    {
        var testCases = XunitHarness.DiscoverTheory<Samples>(nameof(Samples.WaitsSeconds));

        Assert.Equal(2, testCases.Count);
        Assert.All(testCases, testCase => Assert.IsType<VirtualTimeTestCase>(testCase));
        foreach (var testCase in testCases)
        {
            var result = await XunitHarness.RunAsync(testCase);
            Assert.Equal(1, result.Summary.Total);
            Assert.Empty(result.Messages.OfType<ITestFailed>());
        }
    }

    [Fact]
    public async Task Run_FailingRow_WritesItsClocksTimelineToTheOutput()
    {
        var testCase = Assert.Single(XunitHarness.DiscoverTheory<Samples>(nameof(Samples.CountsItems)));

        var result = await XunitHarness.RunAsync(testCase);

        Assert.Equal(
            """
            Timeline of "items" (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: none
              00:01.000  #1 MoveNextAsync -> 'a'
              00:03.000  #1 MoveNextAsync -> 'b'
              00:04.000  #1 MoveNextAsync -> completed
              00:04.000  #1 DisposeAsync
            """.ReplaceLineEndings(),
            result.Failed.Output.TrimEnd());
    }

    [Theory]
    [InlineData(nameof(Samples.ClockFirst), "the method may take one VirtualClock parameter, as its last parameter.")]
    [InlineData(nameof(Samples.UnserializableRows), "the data rows cannot be serialized by xunit, so they cannot each run on virtual time. Use serializable row values (primitives, strings, enums, IXunitSerializable), or take the rows inside a [VirtualTimeFact].")]
    public async Task Discover_InvalidTheory_ReturnsErrorCaseSayingWhatToFix(string method, string problem)
    {
        var testCase = Assert.Single(XunitHarness.DiscoverTheory<Samples>(method));

        Assert.IsType<ExecutionErrorTestCase>(testCase);
        var result = await XunitHarness.RunAsync(testCase);
        var name = method == nameof(Samples.ClockFirst) ? "Samples" : typeof(Samples).FullName;
        Assert.Equal($"[VirtualTimeTheory] on {name}.{method}: {problem}", result.Failed.Messages[0]);
    }

#pragma warning disable xUnit1000, xUnit1026, xUnit1009, xUnit1010, CA1822, IDE0060 // Private, so the real run never discovers them; parameters unused on purpose.
    private sealed class Samples
    {
        public static TheoryData<Interval> Intervals => [new Interval(TimeSpan.FromSeconds(1))];

        [VirtualTimeTheory]
        [InlineData(5)]
        [InlineData(60)]
        public async Task WaitsSeconds(int seconds, VirtualClock clock = null!)
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds), clock);
            Assert.Equal(TimeSpan.FromSeconds(seconds), clock.Elapsed);
        }

        [VirtualTimeTheory]
        [InlineData(3)]
        public async Task CountsItems(int expected, VirtualClock clock = null!)
        {
            var items = FakeSequence.FromMarbles(clock, "-a-b|", frame: TimeSpan.FromSeconds(1)).Probe(new Timeline(clock), "items");
            Assert.Equal(expected, await items.CountAsync());
        }

        [VirtualTimeTheory]
        [InlineData(1)]
        public void ClockFirst(VirtualClock clock, int value)
        {
        }

        [VirtualTimeTheory]
        [MemberData(nameof(Intervals))]
        public void UnserializableRows(Interval interval, VirtualClock clock = null!)
        {
        }
    }
#pragma warning restore xUnit1000, xUnit1026, xUnit1009, xUnit1010, CA1822, IDE0060

    public sealed record Interval(TimeSpan Length);
}
