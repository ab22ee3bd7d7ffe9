using AsyncEnumTesting.Integration;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AsyncEnumTesting.Xunit;

/// <summary>Turns each data row of a <see cref="VirtualTimeTheoryAttribute"/> method into a virtual-time test case, or an error case that says what to fix.</summary>
internal sealed class VirtualTimeTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    private const string Name = "[VirtualTimeTheory]";

    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute)
    {
        var error = TestMethodCall.SignatureError(testMethod.Method.ToRuntimeMethod(), Name, dataParameters: true);
        if (error is null)
        {
            VirtualTimeSettings.Read(theoryAttribute).ToOptions(out var settingError);
            error = settingError is null ? null : $"{Name} on {testMethod.TestClass.Class.Name}.{testMethod.Method.Name}: {settingError}";
        }

        return error is null ? base.Discover(discoveryOptions, testMethod, theoryAttribute) : [Error(discoveryOptions, testMethod, error)];
    }

    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
        [new VirtualTimeTestCase(
            DiagnosticMessageSink,
            discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(),
            testMethod,
            VirtualTimeSettings.Read(theoryAttribute),
            dataRow)];

    /// <summary>Rows xunit cannot serialize would be enumerated at run time by xunit's own theory runner, outside virtual time: refuse them.</summary>
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForTheory(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        [Error(
            discoveryOptions,
            testMethod,
            $"{Name} on {testMethod.TestClass.Class.Name}.{testMethod.Method.Name}: the data rows cannot be serialized by xunit, so they cannot each run on virtual time. Use serializable row values (primitives, strings, enums, IXunitSerializable), or take the rows inside a [VirtualTimeFact].")];

    private ExecutionErrorTestCase Error(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, string message) =>
        new(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, message);
}
