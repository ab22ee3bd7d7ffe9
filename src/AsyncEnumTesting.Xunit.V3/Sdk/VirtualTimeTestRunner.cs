using System.Diagnostics;
using AsyncEnumTesting.Integration;
using Xunit;
using Xunit.v3;

namespace AsyncEnumTesting.Xunit.V3;

/// <summary>Invokes one test on its own <see cref="VirtualClock"/> inside <see cref="VirtualTime"/>'s run and, when it fails,
/// writes the timelines made with that clock to the test's output.</summary>
internal sealed class VirtualTimeTestRunner : XunitTestRunner
{
    public static new VirtualTimeTestRunner Instance { get; } = new();

    protected override async ValueTask<TimeSpan> InvokeTest(XunitTestRunnerContext ctxt, object? testClassInstance)
    {
        // One clock per run: parallel tests never share a clock or a report.
        var clock = new TestClock();
        var limits = ((IVirtualTimeTestCase)ctxt.Test.TestCase).Limits;
        string? summary = null;
        var method = ctxt.Test.TestMethod.Method;
        var stopwatch = Stopwatch.StartNew();
        await ctxt.Aggregator.RunAsync(async () => summary = await VirtualTimeTestRun.RunAsync(
                limits, clock, c => TestMethodCall.Invoke(method, testClassInstance, TestMethodCall.WithClock(method, ctxt.Test.TestMethodArguments, c)))
            .ConfigureAwait(false))
            .ConfigureAwait(false);
        stopwatch.Stop();

        var output = TestContext.Current.TestOutputHelper;
        if (ctxt.Aggregator.ToException() is { } failure && clock.FailureReport(failure.Message) is { } report)
        {
            output?.WriteLine(report);
        }
        else if (summary is not null)
        {
            output?.WriteLine(summary);
        }

        return stopwatch.Elapsed;
    }
}
