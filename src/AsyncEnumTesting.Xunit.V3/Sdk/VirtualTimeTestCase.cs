using System.ComponentModel;
using AsyncEnumTesting.Integration;
using Xunit.Sdk;
using Xunit.v3;

namespace AsyncEnumTesting.Xunit.V3;

/// <summary>A fact or one theory row whose method runs on virtual time with the limits of its attribute.</summary>
internal sealed class VirtualTimeTestCase : XunitTestCase, ISelfExecutingXunitTestCase, IVirtualTimeTestCase
{
    /// <summary>Initializes an empty instance for xunit's deserializer.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public VirtualTimeTestCase()
    {
    }

    public VirtualTimeTestCase(
        VirtualTimeLimits limits,
        IXunitTestMethod testMethod,
        string testCaseDisplayName,
        string uniqueID,
        bool @explicit,
        Type[]? skipExceptions,
        string? skipReason,
        Type? skipType,
        string? skipUnless,
        string? skipWhen,
        Dictionary<string, HashSet<string>>? traits,
        object?[]? testMethodArguments,
        string? sourceFilePath,
        int? sourceLineNumber,
#if XUNIT_V3_4
        int? timeout,
        string? testLabel = null,
        bool disableParallelization = false)
        : base(
            testMethod, testCaseDisplayName, uniqueID, @explicit, testLabel, disableParallelization, skipExceptions, skipReason, skipType, skipUnless, skipWhen, traits,
            testMethodArguments, sourceFilePath, sourceLineNumber, timeout)
#else
        int? timeout)
        : base(testMethod, testCaseDisplayName, uniqueID, @explicit, skipExceptions, skipReason, skipType, skipUnless, skipWhen, traits, testMethodArguments, sourceFilePath, sourceLineNumber, timeout)
#endif
    {
        Limits = limits;
    }

    public VirtualTimeLimits Limits { get; private set; } = new();

    protected override void Serialize(IXunitSerializationInfo info)
    {
        base.Serialize(info);
        LimitsSerializer.Serialize(Limits, info);
    }

    protected override void Deserialize(IXunitSerializationInfo info)
    {
        base.Deserialize(info);
        Limits = LimitsSerializer.Deserialize(info);
    }
}
