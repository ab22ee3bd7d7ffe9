using AsyncEnumTesting.Integration;
using Xunit.Abstractions;

namespace AsyncEnumTesting.Xunit;

/// <summary>Reads a virtual-time attribute's <see cref="VirtualTimeLimits"/>, and carries them with a serialized test case
/// (discovery and run may be separate processes).</summary>
internal static class VirtualTimeSettings
{
    // Reflection reads the attribute instance, so the internal properties tell "not set" from a 0 set on purpose; the time
    // limits are strings, null when not set.
    public static VirtualTimeLimits Read(IAttributeInfo fact) => new(
        fact.GetNamedArgument<string?>(nameof(VirtualTimeFactAttribute.RealTimeGrace)),
        fact.GetNamedArgument<string?>(nameof(VirtualTimeFactAttribute.RealTimeLimit)),
        fact.GetNamedArgument<string?>(nameof(VirtualTimeFactAttribute.VirtualTimeLimit)),
        fact.GetNamedArgument<long?>(nameof(VirtualTimeFactAttribute.MaxTimerFiringsIfSet)))
    {
        Schedules = fact.GetNamedArgument<int>(nameof(VirtualTimeFactAttribute.Schedules)),
        ScheduleSeed = fact.GetNamedArgument<int?>(nameof(VirtualTimeFactAttribute.ReplaySeed)),
    };

    public static VirtualTimeLimits Deserialize(IXunitSerializationInfo info) => VirtualTimeLimits.ReadFrom(info.GetValue);

    public static void Serialize(VirtualTimeLimits limits, IXunitSerializationInfo info) => limits.WriteTo((key, value) => info.AddValue(key, value));
}
