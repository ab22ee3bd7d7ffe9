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
        var clock = new VirtualClock();
        var limits = ((IVirtualTimeTestCase)ctxt.Test.TestCase).Limits;
        var options = limits.ToOptions(out _);
        var arguments = TestMethodCall.WithClock(ctxt.Test.TestMethod.Method, ctxt.Test.TestMethodArguments, clock);
        var stopwatch = Stopwatch.StartNew();
        await ctxt.Aggregator.RunAsync(
            async () => await VirtualTime.RunAsync(clock, _ => TestMethodCall.Invoke(ctxt.Test.TestMethod.Method, testClassInstance, arguments), options).ConfigureAwait(false))
            .ConfigureAwait(false);
        stopwatch.Stop();

        if (ctxt.Aggregator.HasExceptions && clock.RenderTimelines() is { } report)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(report);
        }

        return stopwatch.Elapsed;
    }
}
