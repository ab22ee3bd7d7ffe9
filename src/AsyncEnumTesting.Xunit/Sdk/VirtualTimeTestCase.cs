using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AsyncEnumTesting.Xunit;

/// <summary>A test case whose method runs on virtual time with the limits of its <see cref="VirtualTimeFactAttribute"/>.</summary>
internal sealed class VirtualTimeTestCase : XunitTestCase
{
    private VirtualTimeSettings _settings = new(0, 0, null, 0);

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
        VirtualTimeSettings settings,
        object[]? testMethodArguments = null)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod, testMethodArguments)
    {
        _settings = settings;
    }

    public override Task<RunSummary> RunAsync(
        IMessageSink diagnosticMessageSink,
        IMessageBus messageBus,
        object[] constructorArguments,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource)
    {
        var options = _settings.ToOptions(out _);

        // xunit checks the argument count before the invoker runs; the invoker puts the clock in the VirtualClock slot
        // (a fact's only parameter, or a theory row's optional last one).
        var parameterCount = Method.GetParameters().Count();
        var rowValues = TestMethodArguments ?? [];
        object[] arguments = rowValues.Length == parameterCount - 1 ? [.. rowValues, null!] : rowValues;
        return new VirtualTimeTestCaseRunner(this, DisplayName, SkipReason, ResolveLazy(constructorArguments), arguments, messageBus, aggregator, cancellationTokenSource, options)
            .RunAsync();
    }

    /// <summary>Creates the per-test values xunit 2.9 hands over as factories (the class's <c>ITestOutputHelper</c>), as its own test cases do.</summary>
    private static object[] ResolveLazy(object[] constructorArguments) =>
        [.. constructorArguments.Select(argument => argument is Func<TestOutputHelper> create ? create() : argument)];

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        _settings.Serialize(data);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        base.Deserialize(data);
        _settings = VirtualTimeSettings.Deserialize(data);
    }
}
