using AsyncEnumTesting.Integration;
using Xunit.Sdk;

namespace AsyncEnumTesting.Xunit.V3;

/// <summary>Carries <see cref="VirtualTimeLimits"/> with a serialized test case (discovery and run may be separate processes).</summary>
internal static class LimitsSerializer
{
    public static void Serialize(VirtualTimeLimits limits, IXunitSerializationInfo info) => limits.WriteTo((key, value) => info.AddValue(key, value));

    public static VirtualTimeLimits Deserialize(IXunitSerializationInfo info) => VirtualTimeLimits.ReadFrom((key, _) => info.GetValue(key));
}
