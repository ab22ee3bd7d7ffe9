using System.Globalization;

namespace AsyncEnumTesting.Integration;

/// <summary>The limits a virtual-time test attribute sets, checked and turned into <see cref="VirtualTimeOptions"/>.</summary>
/// <remarks>Compiled into each test-framework package (a linked source file), so the attributes of xunit v3, NUnit and
/// MSTest read and reject their settings with the same words; it uses the core's public API only. The three time limits are
/// named like <see cref="VirtualTimeOptions"/>' properties and written alike, as invariant <see cref="TimeSpan"/> strings
/// (<c>"00:00:00.200"</c>, <c>"00:00:30"</c>, <c>"01:00:00"</c>). A limit is <see langword="null"/> when the attribute does
/// not set it (<see cref="MaxTimerFirings"/>' property reads 0 then, so only the attribute can tell "left out", the default,
/// from a 0 written on purpose, refused: a run cannot do without a limit).</remarks>
internal sealed record VirtualTimeLimits(
    string? RealTimeGrace = null, string? RealTimeLimit = null, string? VirtualTimeLimit = null, long? MaxTimerFirings = null)
{
    private const string Examples = "\"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h)";

    /// <summary>The longest grace a run takes: the core refuses more, since it waits with <c>Monitor.Wait</c>, which takes at
    /// most <see cref="int.MaxValue"/> milliseconds.</summary>
    private static readonly TimeSpan MaxRealTimeGrace = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>Gets how many seeded schedules to explore after the default order; 0 runs the test once.</summary>
    public int Schedules { get; init; }

    /// <summary>Gets the seed of the one schedule to replay, or <see langword="null"/> for the default order.</summary>
    public int? ScheduleSeed { get; init; }

    /// <summary>Builds the run's options, or says which setting is wrong and how to write it.</summary>
    public VirtualTimeOptions ToOptions(out string? error)
    {
        var defaults = VirtualTimeOptions.Default;
        var grace = ParseTime(RealTimeGrace, nameof(RealTimeGrace), defaults.RealTimeGrace, out error);
        var limit = ParseTime(RealTimeLimit, nameof(RealTimeLimit), defaults.RealTimeLimit, out var limitError);
        var budget = ParseTime(VirtualTimeLimit, nameof(VirtualTimeLimit), defaults.VirtualTimeLimit, out var budgetError);

        // Schedules = 0 is no exception: it means what it says, no schedules explored after the default order.
        error ??= limitError
            ?? budgetError
            ?? NotPositive(MaxTimerFirings, nameof(MaxTimerFirings))
            ?? (Schedules < 0 ? Refusal(Schedules, nameof(Schedules)) : null);
        if (error is null && Schedules > 0 && ScheduleSeed is { } seed)
        {
            error = $"Schedules = {Schedules.ToString(CultureInfo.InvariantCulture)} and ScheduleSeed = {seed.ToString(CultureInfo.InvariantCulture)} are both set: "
                + "ScheduleSeed replays the one schedule a failed exploration printed, Schedules explores many. Keep one.";
        }

        return new VirtualTimeOptions
        {
            RealTimeGrace = grace,
            RealTimeLimit = limit,
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
        add(nameof(RealTimeGrace), RealTimeGrace);
        add(nameof(RealTimeLimit), RealTimeLimit);
        add(nameof(VirtualTimeLimit), VirtualTimeLimit);
        add(nameof(MaxTimerFirings), MaxTimerFirings?.ToString(CultureInfo.InvariantCulture));
        add(nameof(Schedules), Schedules);
        add(nameof(ScheduleSeed), ScheduleSeed?.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Reads the settings <see cref="WriteTo"/> wrote.</summary>
    /// <param name="get">Returns the value under a key, as the given type.</param>
    /// <returns>The settings.</returns>
    public static VirtualTimeLimits ReadFrom(Func<string, Type, object?> get) => new(
        (string?)get(nameof(RealTimeGrace), typeof(string)),
        (string?)get(nameof(RealTimeLimit), typeof(string)),
        (string?)get(nameof(VirtualTimeLimit), typeof(string)),
        Number(get, nameof(MaxTimerFirings)))
    {
        Schedules = (int)get(nameof(Schedules), typeof(int))!,
        ScheduleSeed = (int?)Number(get, nameof(ScheduleSeed)),
    };

    private static long? Number(Func<string, Type, object?> get, string name) =>
        get(name, typeof(string)) is string text ? long.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary>Reads one time limit as an invariant <see cref="TimeSpan"/>: <paramref name="fallback"/> when it is not set
    /// or is wrong, and then <paramref name="error"/> says what is wrong and how to write it.</summary>
    private static TimeSpan ParseTime(string? text, string name, TimeSpan fallback, out string? error)
    {
        error = null;
        if (text is null)
        {
            return fallback;
        }

        TimeSpan value;
        try
        {
            value = TimeSpan.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            error = $"{name} \"{text}\" is not a TimeSpan: write it as [days.]hours:minutes:seconds[.fraction], like {Examples}.";
            return fallback;
        }
        catch (OverflowException)
        {
            error = $"{name} \"{text}\" is out of range: minutes and seconds go up to 59, hours up to 23 after a day count (\"1.23:00:00\"), "
                + $"and VirtualTimeOptions.{name} takes at most TimeSpan.MaxValue ({TimeSpan.MaxValue.ToString("c", CultureInfo.InvariantCulture)}); write it like {Examples}.";
            return fallback;
        }

        var read = value.ToString("c", CultureInfo.InvariantCulture);
        if (value <= TimeSpan.Zero)
        {
            error = $"{name} \"{text}\" is {(value == TimeSpan.Zero ? "zero" : "negative")}: VirtualTimeOptions.{name} must be positive; write it like {Examples}, "
                + $"or leave it out for the default ({fallback.ToString("c", CultureInfo.InvariantCulture)}).";
            return fallback;
        }

        if (!text.Contains(':', StringComparison.Ordinal))
        {
            // TimeSpan reads a bare number as days: "30" meant as 30 s would give the run a month.
            error = $"{name} \"{text}\" has no colon, so TimeSpan reads it as days ({read}); if that is what you mean, write \"{read}\", else write it like {Examples}.";
            return fallback;
        }

        if (HoursWithoutDays(text) is { } hours)
        {
            // TimeSpan reads "36:00:00" as 36 days, not 36 hours: a first number above 23 without a day count is days.
            var meant = AsHours(text, hours).ToString("c", CultureInfo.InvariantCulture);
            error = $"{name} \"{text}\" reads as {read}: TimeSpan takes a first number above 23 as days when no day count comes before it. "
                + $"Meant as hours, write \"{meant}\"; meant as days, write \"{read}\".";
            return fallback;
        }

        if (name == nameof(RealTimeGrace) && value > MaxRealTimeGrace)
        {
            error = $"{name} \"{text}\" is longer than a run can wait: VirtualTimeOptions.{name} takes at most "
                + $"{MaxRealTimeGrace.ToString("c", CultureInfo.InvariantCulture)} (the longest Monitor.Wait); write it like {Examples}.";
            return fallback;
        }

        return value;
    }

    /// <summary>Reads <paramref name="text"/> as the user meant it: <paramref name="hours"/> hours, then its minutes and seconds.</summary>
    private static TimeSpan AsHours(string text, int hours)
    {
        var rest = text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return TimeSpan.FromHours(hours) + (TimeSpan.TryParse("0:" + rest, CultureInfo.InvariantCulture, out var minutes) ? minutes : TimeSpan.Zero);
    }

    /// <summary>The first number of <paramref name="text"/> when it stands before a colon with no day count and is above 23, else null.</summary>
    private static int? HoursWithoutDays(string text)
    {
        var first = text.Trim().TrimStart('-');
        var colon = first.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && !first[..colon].Contains('.', StringComparison.Ordinal)
            && int.TryParse(first[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && hours > 23 ? hours : null;
    }

    private static string? NotPositive(long? value, string name) => value is <= 0 and var set ? Refusal(set, name) : null;

    private static string Refusal(long value, string name) =>
        $"{name} is {value.ToString(CultureInfo.InvariantCulture)}: give a positive value, or leave it out for the default.";
}
