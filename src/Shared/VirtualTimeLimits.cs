using System.Globalization;

namespace AsyncEnumTesting.Integration;

/// <summary>The limits a virtual-time test attribute sets, checked and turned into <see cref="VirtualTimeOptions"/>.</summary>
/// <remarks>Compiled into each test-framework package (a linked source file), so the attributes of xunit v3, NUnit and
/// MSTest read and reject their settings with the same words; it uses the core's public API only. A limit is
/// <see langword="null"/> when the attribute does not set it: an attribute's property reads 0 then, so only the attribute
/// can tell "left out" (the default) from a 0 written on purpose (refused: a run cannot do without a limit).</remarks>
internal sealed record VirtualTimeLimits(
    int? RealTimeGraceMilliseconds = null, int? RealTimeLimitSeconds = null, string? VirtualTimeLimit = null, long? MaxTimerFirings = null)
{
    /// <summary>Gets how many seeded schedules to explore after the default order; 0 runs the test once.</summary>
    public int Schedules { get; init; }

    /// <summary>Gets the seed of the one schedule to replay, or <see langword="null"/> for the default order.</summary>
    public int? ScheduleSeed { get; init; }

    /// <summary>Builds the run's options, or says which setting is wrong and how to write it.</summary>
    public VirtualTimeOptions ToOptions(out string? error)
    {
        error = null;
        var defaults = VirtualTimeOptions.Default;
        var budget = defaults.VirtualTimeLimit;
        if (VirtualTimeLimit is not null
            && (!TimeSpan.TryParse(VirtualTimeLimit, CultureInfo.InvariantCulture, out budget) || budget <= TimeSpan.Zero))
        {
            error = $"VirtualTimeLimit \"{VirtualTimeLimit}\" is not a positive TimeSpan: write it like \"00:00:30\" (30 s), \"01:30:00\" (1 h 30 min) or \"7.00:00:00\" (7 days).";
            budget = defaults.VirtualTimeLimit;
        }
        else if (VirtualTimeLimit is not null && !VirtualTimeLimit.Contains(':', StringComparison.Ordinal))
        {
            // TimeSpan reads a bare number as days: "30" meant as 30 s would give the run a month.
            var read = budget.ToString("c", CultureInfo.InvariantCulture);
            error = $"VirtualTimeLimit \"{VirtualTimeLimit}\" has no colon, so TimeSpan reads it as days ({read}); if that is what you mean, write \"{read}\", else write it like \"00:00:30\" (30 s) or \"01:30:00\" (1 h 30 min).";
            budget = defaults.VirtualTimeLimit;
        }

        // Schedules = 0 is no exception: it means what it says, no schedules explored after the default order.
        error ??= NotPositive(RealTimeGraceMilliseconds, nameof(RealTimeGraceMilliseconds))
            ?? NotPositive(RealTimeLimitSeconds, nameof(RealTimeLimitSeconds))
            ?? NotPositive(MaxTimerFirings, nameof(MaxTimerFirings))
            ?? (Schedules < 0 ? Refusal(Schedules, nameof(Schedules)) : null);
        if (error is null && Schedules > 0 && ScheduleSeed is { } seed)
        {
            error = $"Schedules = {Schedules.ToString(CultureInfo.InvariantCulture)} and ScheduleSeed = {seed.ToString(CultureInfo.InvariantCulture)} are both set: "
                + "ScheduleSeed replays the one schedule a failed exploration printed, Schedules explores many. Keep one.";
        }

        return new VirtualTimeOptions
        {
            RealTimeGrace = RealTimeGraceMilliseconds is > 0 and var grace ? TimeSpan.FromMilliseconds(grace) : defaults.RealTimeGrace,
            RealTimeLimit = RealTimeLimitSeconds is > 0 and var limit ? TimeSpan.FromSeconds(limit) : defaults.RealTimeLimit,
            VirtualTimeLimit = budget,
            MaxTimerFirings = MaxTimerFirings is > 0 and var firings ? firings : defaults.MaxTimerFirings,
            ScheduleSeed = ScheduleSeed,
        };
    }

    /// <summary>Writes the settings as key/value pairs of primitives, for a framework's test-case serializer (discovery and
    /// run may be separate processes).</summary>
    /// <param name="add">Adds one value under its key.</param>
    public void WriteTo(Action<string, object?> add)
    {
        // Numbers that may be unset travel as strings, so that "not set" survives the trip.
        add(nameof(RealTimeGraceMilliseconds), RealTimeGraceMilliseconds?.ToString(CultureInfo.InvariantCulture));
        add(nameof(RealTimeLimitSeconds), RealTimeLimitSeconds?.ToString(CultureInfo.InvariantCulture));
        add(nameof(VirtualTimeLimit), VirtualTimeLimit);
        add(nameof(MaxTimerFirings), MaxTimerFirings?.ToString(CultureInfo.InvariantCulture));
        add(nameof(Schedules), Schedules);
        add(nameof(ScheduleSeed), ScheduleSeed?.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Reads the settings <see cref="WriteTo"/> wrote.</summary>
    /// <param name="get">Returns the value under a key, as the given type.</param>
    /// <returns>The settings.</returns>
    public static VirtualTimeLimits ReadFrom(Func<string, Type, object?> get) => new(
        (int?)Number(get, nameof(RealTimeGraceMilliseconds)),
        (int?)Number(get, nameof(RealTimeLimitSeconds)),
        (string?)get(nameof(VirtualTimeLimit), typeof(string)),
        Number(get, nameof(MaxTimerFirings)))
    {
        Schedules = (int)get(nameof(Schedules), typeof(int))!,
        ScheduleSeed = (int?)Number(get, nameof(ScheduleSeed)),
    };

    private static long? Number(Func<string, Type, object?> get, string name) =>
        get(name, typeof(string)) is string text ? long.Parse(text, CultureInfo.InvariantCulture) : null;

    private static string? NotPositive(long? value, string name) => value is <= 0 and var set ? Refusal(set, name) : null;

    private static string Refusal(long value, string name) =>
        $"{name} is {value.ToString(CultureInfo.InvariantCulture)}: give a positive value, or leave it out for the default.";
}
