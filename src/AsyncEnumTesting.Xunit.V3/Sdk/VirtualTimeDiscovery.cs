using AsyncEnumTesting.Integration;
using Xunit.Sdk;
using Xunit.v3;

namespace AsyncEnumTesting.Xunit.V3;

/// <summary>Reads a virtual-time attribute's limits and checks its method, for both discoverers.</summary>
internal static class VirtualTimeDiscovery
{
    public static VirtualTimeLimits Limits(IFactAttribute attribute) => attribute switch
    {
        VirtualTimeFactAttribute f => new(f.RealTimeGrace, f.RealTimeLimit, f.VirtualTimeLimit, f.MaxTimerFiringsIfSet)
        {
            Schedules = f.Schedules, ScheduleSeed = f.ReplaySeed,
        },
        VirtualTimeTheoryAttribute t => new(t.RealTimeGrace, t.RealTimeLimit, t.VirtualTimeLimit, t.MaxTimerFiringsIfSet)
        {
            Schedules = t.Schedules, ScheduleSeed = t.ReplaySeed,
        },
        _ => new(),
    };

    /// <summary>Copies the method's traits into the mutable shape a test case takes.</summary>
    public static Dictionary<string, HashSet<string>> Traits(IXunitTestMethod testMethod) =>
        testMethod.Traits.ToDictionary(
            trait => trait.Key, trait => new HashSet<string>(trait.Value, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);

    /// <summary>Says what to fix in the method or the attribute's settings, or returns <see langword="null"/>.</summary>
    public static string? Error(IXunitTestMethod testMethod, IFactAttribute attribute, string attributeName, bool theory)
    {
        var error = TestMethodCall.SignatureError(testMethod.Method, attributeName, theory);
        if (error is null)
        {
            Limits(attribute).ToOptions(out var settingError);
            error = settingError is null ? null : $"{attributeName} on {testMethod.Method.DeclaringType?.Name}.{testMethod.Method.Name}: {settingError}";
        }

        return error;
    }

    public static ExecutionErrorTestCase ErrorCase(ITestFrameworkDiscoveryOptions options, IXunitTestMethod testMethod, IFactAttribute attribute, string message)
    {
        var details = TestIntrospectionHelper.GetTestCaseDetails(options, testMethod, attribute);
        return new(details.ResolvedTestMethod, details.TestCaseDisplayName, details.UniqueID, details.SourceFilePath, details.SourceLineNumber, message);
    }
}
