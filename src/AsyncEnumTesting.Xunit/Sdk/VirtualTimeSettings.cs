using System.Globalization;
using AsyncEnumTesting.Integration;
using Xunit.Abstractions;

namespace AsyncEnumTesting.Xunit;

/// <summary>Reads a virtual-time attribute's <see cref="VirtualTimeLimits"/>, and carries them with a serialized test case
/// (discovery and run may be separate processes).</summary>
internal static class VirtualTimeSettings
{
    public static VirtualTimeLimits Read(IAttributeInfo fact) => new(
        fact.GetNamedArgument<int>(nameof(VirtualTimeFactAttribute.RealTimeGraceMilliseconds)),
        fact.GetNamedArgument<int>(nameof(VirtualTimeFactAttribute.RealTimeLimitSeconds)),
        fact.GetNamedArgument<string?>(nameof(VirtualTimeFactAttribute.VirtualTimeLimit)),
        fact.GetNamedArgument<long>(nameof(VirtualTimeFactAttribute.MaxTimerFirings)))
    {
        Schedules = fact.GetNamedArgument<int>(nameof(VirtualTimeFactAttribute.Schedules)),

        // Reflection reads the attribute instance, so the internal property tells "not set" from a seed of 0.
        ScheduleSeed = fact.GetNamedArgument<int?>(nameof(VirtualTimeFactAttribute.ReplaySeed)),
    };

    public static VirtualTimeLimits Deserialize(IXunitSerializationInfo info) => new(
        info.GetValue<int>(nameof(VirtualTimeLimits.RealTimeGraceMilliseconds)),
        info.GetValue<int>(nameof(VirtualTimeLimits.RealTimeLimitSeconds)),
        info.GetValue<string?>(nameof(VirtualTimeLimits.VirtualTimeLimit)),
        info.GetValue<long>(nameof(VirtualTimeLimits.MaxTimerFirings)))
    {
        Schedules = info.GetValue<int>(nameof(VirtualTimeLimits.Schedules)),
        ScheduleSeed = info.GetValue<string?>(nameof(VirtualTimeLimits.ScheduleSeed)) is { } seed ? int.Parse(seed, CultureInfo.InvariantCulture) : null,
    };

    public static void Serialize(VirtualTimeLimits limits, IXunitSerializationInfo info)
    {
        info.AddValue(nameof(limits.RealTimeGraceMilliseconds), limits.RealTimeGraceMilliseconds);
        info.AddValue(nameof(limits.RealTimeLimitSeconds), limits.RealTimeLimitSeconds);
        info.AddValue(nameof(limits.VirtualTimeLimit), limits.VirtualTimeLimit);
        info.AddValue(nameof(limits.MaxTimerFirings), limits.MaxTimerFirings);
        info.AddValue(nameof(limits.Schedules), limits.Schedules);
        info.AddValue(nameof(limits.ScheduleSeed), limits.ScheduleSeed?.ToString(CultureInfo.InvariantCulture));
    }
}
