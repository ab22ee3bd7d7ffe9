using AsyncEnumTesting.Integration;
using Xunit.Sdk;
using Xunit.v3;

namespace AsyncEnumTesting.Xunit.V3;

/// <summary>A test case that carries the limits of its virtual-time attribute to the runner, and runs itself through
/// <see cref="VirtualTimeTestCaseRunner"/>.</summary>
/// <remarks>Both virtual-time cases derive from different xunit cases; <c>Run</c> is implemented once, here, because its signature is
/// the one place the xunit.v3 majors differ for a self-executing case (4.x adds the scheduling arguments).</remarks>
internal interface IVirtualTimeTestCase : ISelfExecutingXunitTestCase
{
    VirtualTimeLimits Limits { get; }

#if XUNIT_V3_4
    ValueTask<RunSummary> ISelfExecutingXunitTestCase.Run(
        ExplicitOption explicitOption,
        IMessageBus messageBus,
        object?[] constructorArguments,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource,
        ParallelMode parallelMode,
        ExecutionScheduler scheduler,
        FixtureMappingManager methodFixtureMappings) =>
        VirtualTimeTestCaseRunner.RunCase(
            this, explicitOption, messageBus, constructorArguments, aggregator, cancellationTokenSource, new(parallelMode, scheduler, methodFixtureMappings));
#else
    ValueTask<RunSummary> ISelfExecutingXunitTestCase.Run(
        ExplicitOption explicitOption,
        IMessageBus messageBus,
        object?[] constructorArguments,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource) =>
        VirtualTimeTestCaseRunner.RunCase(this, explicitOption, messageBus, constructorArguments, aggregator, cancellationTokenSource, default);
#endif
}
