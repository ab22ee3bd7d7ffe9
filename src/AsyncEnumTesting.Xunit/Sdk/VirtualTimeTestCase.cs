using System.ComponentModel;
using AsyncEnumTesting.Integration;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AsyncEnumTesting.Xunit;

/// <summary>A test case whose method runs on virtual time with the limits of its <see cref="VirtualTimeFactAttribute"/>.</summary>
internal sealed class VirtualTimeTestCase : XunitTestCase
{
    private VirtualTimeLimits _limits = new();

    /// <summary>Initializes an empty instance for xunit's deserializer.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public VirtualTimeTestCase()
    {
    }

    public VirtualTimeTestCase(
        IMessageSink diagnosticMessageSink,
        TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod,
        VirtualTimeLimits limits,
        object[]? testMethodArguments = null)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod, testMethodArguments)
    {
        _limits = limits;
    }

    public override Task<RunSummary> RunAsync(
        IMessageSink diagnosticMessageSink,
        IMessageBus messageBus,
        object[] constructorArguments,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource)
    {
        // xunit checks the argument count before the invoker runs; the invoker puts the clock in the VirtualClock slot
        // (a fact's only parameter, or a theory row's optional last one).
        var parameterCount = Method.GetParameters().Count();
        var rowValues = TestMethodArguments ?? [];
        object[] arguments = rowValues.Length == parameterCount - 1 ? [.. rowValues, null!] : rowValues;
        return new VirtualTimeTestCaseRunner(this, DisplayName, SkipReason, ResolveLazy(constructorArguments), arguments, messageBus, aggregator, cancellationTokenSource, _limits)
            .RunAsync();
    }

    /// <summary>Creates the per-test values xunit 2.9 hands over as factories (the class's <c>ITestOutputHelper</c>), as its own test cases do.</summary>
    private static object[] ResolveLazy(object[] constructorArguments) =>
        [.. constructorArguments.Select(argument => argument is Func<TestOutputHelper> create ? create() : argument)];

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        VirtualTimeSettings.Serialize(_limits, data);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        base.Deserialize(data);
        _limits = VirtualTimeSettings.Deserialize(data);
    }
}
