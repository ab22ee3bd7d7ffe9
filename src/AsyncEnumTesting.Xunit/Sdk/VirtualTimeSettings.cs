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

    public static VirtualTimeLimits Deserialize(IXunitSerializationInfo info) => VirtualTimeLimits.ReadFrom(info.GetValue);

    public static void Serialize(VirtualTimeLimits limits, IXunitSerializationInfo info) => limits.WriteTo((key, value) => info.AddValue(key, value));
}
