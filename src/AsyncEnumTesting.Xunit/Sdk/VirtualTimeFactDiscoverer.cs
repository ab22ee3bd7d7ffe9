using System.Runtime.CompilerServices;
using AsyncEnumTesting.Integration;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AsyncEnumTesting.Xunit;

/// <summary>Turns a <see cref="VirtualTimeFactAttribute"/> method into a virtual-time test case, or an error case that says what to fix.</summary>
internal sealed class VirtualTimeFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var settings = VirtualTimeSettings.Read(factAttribute);
        var error = SignatureError(testMethod);
        if (error is null)
        {
            settings.ToOptions(out error);
        }

        var name = $"{testMethod.TestClass.Class.Name}.{testMethod.Method.Name}";
        return error is null
            ? [new VirtualTimeTestCase(diagnosticMessageSink, display, displayOptions, testMethod, settings)]
            : [new ExecutionErrorTestCase(diagnosticMessageSink, display, displayOptions, testMethod, $"[VirtualTimeFact] on {name}: {error}")];
    }

    private static string? SignatureError(ITestMethod testMethod)
    {
        var method = testMethod.Method.ToRuntimeMethod();
        var parameters = method.GetParameters();
        if (TestMethodCall.WiderClockParameter(parameters) is { } wider)
        {
            return wider;
        }

        if (parameters.Length > 1 || (parameters.Length == 1 && parameters[0].ParameterType != typeof(VirtualClock)))
        {
            return "the method may take one VirtualClock parameter and nothing else. Create fakes and probes inside the test with that clock.";
        }

        if (method.ReturnType == typeof(void) && method.IsDefined(typeof(AsyncStateMachineAttribute), inherit: false))
        {
            return "the method is async void, so the run cannot await it. Return Task instead.";
        }

        return null;
    }
}
