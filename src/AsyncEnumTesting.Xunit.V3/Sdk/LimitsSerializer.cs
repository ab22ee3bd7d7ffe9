using System.Globalization;
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
        info.AddValue(nameof(limits.VirtualTimeLimit), limits.VirtualTimeLimit);
        info.AddValue(nameof(limits.MaxTimerFirings), limits.MaxTimerFirings);
        info.AddValue(nameof(limits.Schedules), limits.Schedules);
        info.AddValue(nameof(limits.ScheduleSeed), limits.ScheduleSeed?.ToString(CultureInfo.InvariantCulture));
    }

    public static VirtualTimeLimits Deserialize(IXunitSerializationInfo info) => new(
        info.GetValue<int>(nameof(VirtualTimeLimits.RealTimeGraceMilliseconds)),
        info.GetValue<int>(nameof(VirtualTimeLimits.RealTimeLimitSeconds)),
        info.GetValue<string?>(nameof(VirtualTimeLimits.VirtualTimeLimit)),
        info.GetValue<long>(nameof(VirtualTimeLimits.MaxTimerFirings)))
    {
        Schedules = info.GetValue<int>(nameof(VirtualTimeLimits.Schedules)),
        ScheduleSeed = info.GetValue<string?>(nameof(VirtualTimeLimits.ScheduleSeed)) is { } seed ? int.Parse(seed, CultureInfo.InvariantCulture) : null,
    };
}
