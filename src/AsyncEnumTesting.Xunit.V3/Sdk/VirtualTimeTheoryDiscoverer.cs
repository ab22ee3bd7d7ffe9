using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace AsyncEnumTesting.Xunit.V3;

/// <summary>Turns each data row of a <see cref="VirtualTimeTheoryAttribute"/> method into a virtual-time test case.</summary>
/// <remarks>Rows xunit cannot serialize are enumerated at run time by a delay-enumerated case that runs the same way.</remarks>
internal sealed class VirtualTimeTheoryDiscoverer : TheoryDiscoverer
{
    public override ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute)
    {
        return VirtualTimeDiscovery.Error(testMethod, factAttribute, "[VirtualTimeTheory]", theory: true) is { } error
            ? new([VirtualTimeDiscovery.ErrorCase(discoveryOptions, testMethod, factAttribute, error)])
            : base.Discover(discoveryOptions, testMethod, factAttribute);
    }

    protected override ValueTask<IReadOnlyCollection<IXunitTestCase>> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions,
        IXunitTestMethod testMethod,
        ITheoryAttribute theoryAttribute,
        ITheoryDataRow dataRow,
#if XUNIT_V3_4
        object?[] testMethodArguments,
        string? index)
    {
        // 4.x numbers rows in display names (TheoryAttribute.IncludeTestCaseIndex); the 5-argument overload is no longer virtual.
        var details = TestIntrospectionHelper.GetTestCaseDetailsForTheoryDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, testMethodArguments, index);
#else
        object?[] testMethodArguments)
    {
        var details = TestIntrospectionHelper.GetTestCaseDetailsForTheoryDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, testMethodArguments);
#endif
        var testCase = new VirtualTimeTestCase(
            VirtualTimeDiscovery.Limits(theoryAttribute),
            details.ResolvedTestMethod,
            details.TestCaseDisplayName,
            details.UniqueID,
            details.Explicit,
            details.SkipExceptions,
            details.SkipReason,
            details.SkipType,
            details.SkipUnless,
            details.SkipWhen,
            TestIntrospectionHelper.GetTraits(testMethod, dataRow),
            testMethodArguments,
            details.SourceFilePath,
            details.SourceLineNumber,
#if XUNIT_V3_4
            details.Timeout,
            dataRow.Label,
            dataRow.DisableParallelization == true);
#else
            details.Timeout);
#endif
        return new([testCase]);
    }

    protected override ValueTask<IReadOnlyCollection<IXunitTestCase>> CreateTestCasesForTheory(
        ITestFrameworkDiscoveryOptions discoveryOptions,
        IXunitTestMethod testMethod,
        ITheoryAttribute theoryAttribute)
    {
        var details = TestIntrospectionHelper.GetTestCaseDetails(discoveryOptions, testMethod, theoryAttribute);
        var testCase = new VirtualTimeDelayEnumeratedTestCase(
            VirtualTimeDiscovery.Limits(theoryAttribute),
            details.ResolvedTestMethod,
            details.TestCaseDisplayName,
            details.UniqueID,
            details.Explicit,
            theoryAttribute.SkipTestWithoutData,
            details.SkipExceptions,
            details.SkipReason,
            details.SkipType,
            details.SkipUnless,
            details.SkipWhen,
            VirtualTimeDiscovery.Traits(testMethod),
            details.SourceFilePath,
            details.SourceLineNumber,
            details.Timeout);
        return new([testCase]);
    }
}
