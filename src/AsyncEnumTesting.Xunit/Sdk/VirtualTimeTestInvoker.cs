using System.Reflection;
using AsyncEnumTesting.Integration;
using System.Runtime.ExceptionServices;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AsyncEnumTesting.Xunit;

/// <summary>Invokes the test method inside a virtual-time run on the test's clock.</summary>
internal sealed class VirtualTimeTestInvoker(
    ITest test,
    IMessageBus messageBus,
    Type testClass,
    object[] constructorArguments,
    MethodInfo testMethod,
    object[] testMethodArguments,
    IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes,
    ExceptionAggregator aggregator,
    CancellationTokenSource cancellationTokenSource,
    TestClock clock,
    VirtualTimeLimits limits)
    : XunitTestInvoker(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, beforeAfterAttributes, aggregator, cancellationTokenSource)
{
    /// <summary>Gets what an exploration covered, or what a replay replayed, once the test passed.</summary>
    public string? Summary { get; private set; }

    protected override object CallTestMethod(object testClassInstance) => RunAsync(testClassInstance);

    private async Task RunAsync(object testClassInstance) =>
        Summary = await VirtualTimeTestRun.RunAsync(limits, clock, c => Invoke(testClassInstance, TestMethodCall.WithClock(TestMethod, TestMethodArguments, c)))
            .ConfigureAwait(false);

    private Task Invoke(object testClassInstance, object?[] arguments)
    {
        object? result;
        try
        {
            result = TestMethod.Invoke(testClassInstance, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }

        return result switch
        {
            Task task => task,
            ValueTask valueTask => valueTask.AsTask(),
            _ => GetTaskFromResult(result) ?? Task.CompletedTask,
        };
    }
}
