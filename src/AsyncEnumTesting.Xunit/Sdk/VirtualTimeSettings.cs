using System.Globalization;
using Xunit.Abstractions;

namespace AsyncEnumTesting.Xunit;

/// <summary>The limits a <see cref="VirtualTimeFactAttribute"/> sets, as they travel with a serialized test case.</summary>
internal sealed record VirtualTimeSettings(int RealTimeGraceMilliseconds, int RealTimeLimitSeconds, string? VirtualTimeBudget, long MaxTimerFirings)
{
    public static VirtualTimeSettings Read(IAttributeInfo fact) => new(
        fact.GetNamedArgument<int>(nameof(VirtualTimeFactAttribute.RealTimeGraceMilliseconds)),
        fact.GetNamedArgument<int>(nameof(VirtualTimeFactAttribute.RealTimeLimitSeconds)),
        fact.GetNamedArgument<string?>(nameof(VirtualTimeFactAttribute.VirtualTimeBudget)),
        fact.GetNamedArgument<long>(nameof(VirtualTimeFactAttribute.MaxTimerFirings)));

    public static VirtualTimeSettings Deserialize(IXunitSerializationInfo info) => new(
        info.GetValue<int>(nameof(RealTimeGraceMilliseconds)),
        info.GetValue<int>(nameof(RealTimeLimitSeconds)),
        info.GetValue<string?>(nameof(VirtualTimeBudget)),
        info.GetValue<long>(nameof(MaxTimerFirings)));

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(RealTimeGraceMilliseconds), RealTimeGraceMilliseconds);
        info.AddValue(nameof(RealTimeLimitSeconds), RealTimeLimitSeconds);
        info.AddValue(nameof(VirtualTimeBudget), VirtualTimeBudget);
        info.AddValue(nameof(MaxTimerFirings), MaxTimerFirings);
    }

    /// <summary>Builds the run's options, or says which setting is wrong and how to write it.</summary>
    public VirtualTimeOptions ToOptions(out string? error)
    {
        error = null;
        var defaults = VirtualTimeOptions.Default;
        var budget = defaults.VirtualTimeBudget;
        if (VirtualTimeBudget is not null
            && (!TimeSpan.TryParse(VirtualTimeBudget, CultureInfo.InvariantCulture, out budget) || budget <= TimeSpan.Zero))
        {
            error = $"VirtualTimeBudget \"{VirtualTimeBudget}\" is not a positive TimeSpan: write it like \"00:00:30\" (30 s), \"01:30:00\" (1 h 30 min) or \"7.00:00:00\" (7 days).";
            budget = defaults.VirtualTimeBudget;
        }

        error ??= Negative(RealTimeGraceMilliseconds, nameof(RealTimeGraceMilliseconds))
            ?? Negative(RealTimeLimitSeconds, nameof(RealTimeLimitSeconds))
            ?? Negative(MaxTimerFirings, nameof(MaxTimerFirings));

        return new VirtualTimeOptions
        {
            RealTimeGrace = RealTimeGraceMilliseconds > 0 ? TimeSpan.FromMilliseconds(RealTimeGraceMilliseconds) : defaults.RealTimeGrace,
            RealTimeLimit = RealTimeLimitSeconds > 0 ? TimeSpan.FromSeconds(RealTimeLimitSeconds) : defaults.RealTimeLimit,
            VirtualTimeBudget = budget,
            MaxTimerFirings = MaxTimerFirings > 0 ? MaxTimerFirings : defaults.MaxTimerFirings,
        };
    }

    private static string? Negative(long value, string name) =>
        value < 0 ? $"{name} is {value.ToString(CultureInfo.InvariantCulture)}: give a positive value, or leave it out for the default." : null;
}
