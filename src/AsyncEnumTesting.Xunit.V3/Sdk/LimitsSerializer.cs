using AsyncEnumTesting.Integration;
using Xunit.Sdk;

namespace AsyncEnumTesting.Xunit.V3;

/// <summary>Carries <see cref="VirtualTimeLimits"/> with a serialized test case (discovery and run may be separate processes).</summary>
internal static class LimitsSerializer
{
    public static void Serialize(VirtualTimeLimits limits, IXunitSerializationInfo info)
    {
        info.AddValue(nameof(limits.RealTimeGraceMilliseconds), limits.RealTimeGraceMilliseconds);
        info.AddValue(nameof(limits.RealTimeLimitSeconds), limits.RealTimeLimitSeconds);
        info.AddValue(nameof(limits.VirtualTimeBudget), limits.VirtualTimeBudget);
        info.AddValue(nameof(limits.MaxTimerFirings), limits.MaxTimerFirings);
    }

    public static VirtualTimeLimits Deserialize(IXunitSerializationInfo info) => new(
        info.GetValue<int>(nameof(VirtualTimeLimits.RealTimeGraceMilliseconds)),
        info.GetValue<int>(nameof(VirtualTimeLimits.RealTimeLimitSeconds)),
        info.GetValue<string?>(nameof(VirtualTimeLimits.VirtualTimeBudget)),
        info.GetValue<long>(nameof(VirtualTimeLimits.MaxTimerFirings)));
}
