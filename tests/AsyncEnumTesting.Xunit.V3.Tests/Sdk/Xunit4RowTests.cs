#if XUNIT_V3_4
using AsyncEnumTesting.Xunit.V3;

namespace AsyncEnumTesting.Xunit.V3.Tests;

/// <summary>What xunit.v3 4.x added to theory rows and the virtual-time theory passes on: the row index (<c>IncludeTestCaseIndex</c>) and the row's label in display names.</summary>
public sealed class Xunit4RowTests
{
    public static TheoryData<int> LabelledRows => [new TheoryDataRow<int>(5) { Label = "five" }, new TheoryDataRow<int>(7)];

    [Fact]
    public async Task VirtualTimeTheory_IndexAndLabel_NameTheRowsAsXunitDoes()
    {
        var results = await InProcessRun.RunAsync(typeof(Samples));

        Assert.Equal(
            [
                "AsyncEnumTesting.Xunit.V3.Tests.Xunit4RowTests+Samples.WaitsTheRowsSeconds_001 [five]",
                "AsyncEnumTesting.Xunit.V3.Tests.Xunit4RowTests+Samples.WaitsTheRowsSeconds_002(seconds: 7, clock: null)",
            ],
            results.Select(r => r.Name));
        Assert.All(results, r => Assert.Equal("Passed", r.Outcome));
    }

#pragma warning disable xUnit1000 // internal on purpose: xunit's discovery of the outer run skips it; InProcessRun runs it
    internal sealed class Samples
    {
        [VirtualTimeTheory(IncludeTestCaseIndex = true)]
        [MemberData(nameof(LabelledRows), MemberType = typeof(Xunit4RowTests))]
        public Task WaitsTheRowsSeconds(int seconds, VirtualClock clock = null!) => Task.Delay(TimeSpan.FromSeconds(seconds), clock);
    }
#pragma warning restore xUnit1000
}
#endif
