using System.Reflection;
using AsyncEnumTesting.Integration;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AsyncEnumTesting.Xunit;

/// <summary>Runs one test on its own <see cref="VirtualClock"/> and, when it fails, reports the timelines made with that clock.</summary>
internal sealed class VirtualTimeTestRunner(
    ITest test,
    IMessageBus messageBus,
    Type testClass,
    object[] constructorArguments,
    MethodInfo testMethod,
    object[] testMethodArguments,
    string skipReason,
    IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes,
    ExceptionAggregator aggregator,
    CancellationTokenSource cancellationTokenSource,
    VirtualTimeLimits limits)
    : XunitTestRunner(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, skipReason, beforeAfterAttributes, aggregator, cancellationTokenSource)
{
    // One clock per run: parallel tests never share a clock or a report.
    private readonly TestClock _clock = new();

    // What an exploration covered, for the output of a passing test.
    private string? _summary;

    /// <summary>Runs the test with the class's output helper live, and adds the timeline report to the output when the test failed (what an exploration covered when it passed).</summary>
    /// <remarks>Owns the helper's lifecycle like xunit's own runner does, so the report lands after the test's own lines.</remarks>
    protected override async Task<Tuple<decimal, string>> InvokeTestAsync(ExceptionAggregator aggregator)
    {
        var helper = ConstructorArguments.OfType<TestOutputHelper>().FirstOrDefault();
        helper?.Initialize(MessageBus, Test);
        var time = await InvokeTestMethodAsync(aggregator).ConfigureAwait(false);
        var report = aggregator.ToException() is { } failure ? _clock.FailureReport(failure.Message) : _summary;
        var output = string.Empty;
        if (helper is not null)
        {
            if (report is not null)
            {
                helper.WriteLine(report);
            }

            output = helper.Output;
            helper.Uninitialize();
        }
        else if (report is not null)
        {
            output = report;
        }

        return Tuple.Create(time, output);
    }

    protected override async Task<decimal> InvokeTestMethodAsync(ExceptionAggregator aggregator)
    {
        var invoker = new VirtualTimeTestInvoker(
            Test, MessageBus, TestClass, ConstructorArguments, TestMethod, TestMethodArguments, BeforeAfterAttributes, aggregator, CancellationTokenSource, _clock, limits);
        var time = await invoker.RunAsync().ConfigureAwait(false);
        _summary = invoker.Summary;
        return time;
    }
}
