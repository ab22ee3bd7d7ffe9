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
        CancellationTokenSource cancellationTokenSource,
        XunitScheduling scheduling)
    {
        var tests = await aggregator.RunAsync(testCase.CreateTests, []).ConfigureAwait(false);
        if (aggregator.ToException() is { } ex)
        {
#if XUNIT_V3_4
            // As xunit 4.x's own cases do: the failed case is reported with its case messages (3.x sent none).
            return XunitRunnerHelper.FailTestCases(messageBus, cancellationTokenSource, [testCase], ex);
        }

        return await Runner.Run(
            testCase, tests, messageBus, aggregator, cancellationTokenSource, scheduling.ParallelMode, scheduling.Scheduler, testCase.TestCaseDisplayName,
            testCase.SkipReason, explicitOption, constructorArguments, scheduling.MethodFixtureMappings)
            .ConfigureAwait(false);
#else
            return XunitRunnerHelper.FailTestCases(messageBus, cancellationTokenSource, [testCase], ex, sendTestCaseMessages: false);
        }

        _ = scheduling;
        return await Runner.Run(
            testCase, tests, messageBus, aggregator, cancellationTokenSource, testCase.TestCaseDisplayName, testCase.SkipReason, explicitOption, constructorArguments)
            .ConfigureAwait(false);
#endif
    }

    protected override ValueTask<RunSummary> RunTest(XunitTestCaseRunnerContext ctxt, IXunitTest test) =>
#if XUNIT_V3_4
        VirtualTimeTestRunner.Instance.Run(
            test, ctxt.MessageBus, ctxt.ConstructorArguments, ctxt.ExplicitOption, ctxt.Aggregator.Clone(), ctxt.CancellationTokenSource, ctxt.ParallelMode, ctxt.Scheduler,
            ctxt.BeforeAfterTestAttributes, ctxt.CaseFixtureMappings);
#else
        VirtualTimeTestRunner.Instance.Run(
            test, ctxt.MessageBus, ctxt.ConstructorArguments, ctxt.ExplicitOption, ctxt.Aggregator.Clone(), ctxt.CancellationTokenSource, ctxt.BeforeAfterTestAttributes);
#endif
}
