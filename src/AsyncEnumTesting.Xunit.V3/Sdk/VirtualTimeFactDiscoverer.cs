using Xunit.Sdk;
using Xunit.v3;

namespace AsyncEnumTesting.Xunit.V3;

/// <summary>Turns a <see cref="VirtualTimeFactAttribute"/> method into a virtual-time test case, or an error case that says what to fix.</summary>
internal sealed class VirtualTimeFactDiscoverer : IXunitTestCaseDiscoverer
{
    public ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute)
    {
        if (VirtualTimeDiscovery.Error(testMethod, factAttribute, "[VirtualTimeFact]", theory: false) is { } error)
        {
            return new([VirtualTimeDiscovery.ErrorCase(discoveryOptions, testMethod, factAttribute, error)]);
        }

        var details = TestIntrospectionHelper.GetTestCaseDetails(discoveryOptions, testMethod, factAttribute);
        var testCase = new VirtualTimeTestCase(
            VirtualTimeDiscovery.Limits(factAttribute),
            details.ResolvedTestMethod,
            details.TestCaseDisplayName,
            details.UniqueID,
            details.Explicit,
            details.SkipExceptions,
            details.SkipReason,
            details.SkipType,
            details.SkipUnless,
            details.SkipWhen,
            VirtualTimeDiscovery.Traits(testMethod),
            testMethodArguments: null,
            details.SourceFilePath,
            details.SourceLineNumber,
            details.Timeout);
        return new([testCase]);
    }
}
