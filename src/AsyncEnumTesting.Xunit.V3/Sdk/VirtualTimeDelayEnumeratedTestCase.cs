using System.ComponentModel;
using AsyncEnumTesting.Integration;
using Xunit.Sdk;
using Xunit.v3;

namespace AsyncEnumTesting.Xunit.V3;

/// <summary>A virtual-time theory whose data rows xunit enumerates at run time (rows it cannot serialize); each row runs on its own clock.</summary>
internal sealed class VirtualTimeDelayEnumeratedTestCase : XunitDelayEnumeratedTheoryTestCase, ISelfExecutingXunitTestCase, IVirtualTimeTestCase
{
    /// <summary>Initializes an empty instance for xunit's deserializer.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public VirtualTimeDelayEnumeratedTestCase()
    {
    }

    public VirtualTimeDelayEnumeratedTestCase(
        VirtualTimeLimits limits,
        IXunitTestMethod testMethod,
        string testCaseDisplayName,
        string uniqueID,
        bool @explicit,
        bool skipTestWithoutData,
        Type[]? skipExceptions,
        string? skipReason,
        Type? skipType,
        string? skipUnless,
        string? skipWhen,
        Dictionary<string, HashSet<string>>? traits,
        string? sourceFilePath,
        int? sourceLineNumber,
        int? timeout)
        : base(testMethod, testCaseDisplayName, uniqueID, @explicit, skipTestWithoutData, skipExceptions, skipReason, skipType, skipUnless, skipWhen, traits, sourceFilePath, sourceLineNumber, timeout)
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
