using System.Reflection;
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
    VirtualClock clock,
    VirtualTimeOptions options)
    : XunitTestInvoker(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, beforeAfterAttributes, aggregator, cancellationTokenSource)
{
    protected override object CallTestMethod(object testClassInstance)
    {
        var arguments = AsyncEnumTesting.Integration.TestMethodCall.WithClock(TestMethod, TestMethodArguments, clock);
        return VirtualTime.RunAsync(clock, _ => Invoke(testClassInstance, arguments), options);
    }

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
