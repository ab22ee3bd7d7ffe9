using Xunit.Sdk;
using Xunit.v3;

namespace AsyncEnumTesting.Xunit.V3;

/// <summary>Runs a virtual-time test case's tests through <see cref="VirtualTimeTestRunner"/>.</summary>
internal sealed class VirtualTimeTestCaseRunner : XunitTestCaseRunner
{
    private static readonly VirtualTimeTestCaseRunner Runner = new();

    /// <summary>Creates the case's tests (one per theory row for a delay-enumerated case) and runs them, as xunit does for its own cases.</summary>
    public static async ValueTask<RunSummary> RunCase(
        IXunitTestCase testCase,
        ExplicitOption explicitOption,
        IMessageBus messageBus,
        object?[] constructorArguments,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource)
    {
        var tests = await aggregator.RunAsync(testCase.CreateTests, []).ConfigureAwait(false);
        if (aggregator.ToException() is { } ex)
        {
            return XunitRunnerHelper.FailTestCases(messageBus, cancellationTokenSource, [testCase], ex, sendTestCaseMessages: false);
        }

        return await Runner.Run(
            testCase, tests, messageBus, aggregator, cancellationTokenSource, testCase.TestCaseDisplayName, testCase.SkipReason, explicitOption, constructorArguments)
            .ConfigureAwait(false);
    }

    protected override ValueTask<RunSummary> RunTest(XunitTestCaseRunnerContext ctxt, IXunitTest test) =>
        VirtualTimeTestRunner.Instance.Run(
            test, ctxt.MessageBus, ctxt.ConstructorArguments, ctxt.ExplicitOption, ctxt.Aggregator.Clone(), ctxt.CancellationTokenSource, ctxt.BeforeAfterTestAttributes);
}
