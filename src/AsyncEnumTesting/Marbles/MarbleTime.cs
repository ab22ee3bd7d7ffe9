using System.Globalization;

namespace AsyncEnumTesting;

/// <summary>Reads the time progressions of a marble diagram (<c>100ms</c>, <c>1.5s</c>, <c>2m</c>), and refuses the tokens that
/// look like one but would otherwise be played as items.</summary>
/// <remarks>
/// A progression starts the diagram or follows a space; anywhere else a digit is an item. Without these checks a typo such as
/// <c>-1s</c>, <c>10ms1s</c> or <c>-a-1s</c> silently becomes the items <c>1</c> and <c>s</c>: a test that passes or fails for
/// the wrong reason.
/// </remarks>
internal static class MarbleTime
{
    /// <summary>Reads a time progression at <paramref name="start"/>, a digit that starts the diagram or follows a space.</summary>
    /// <param name="diagram">The diagram.</param>
    /// <param name="start">The index of the first digit.</param>
    /// <param name="length">The length of the token read.</param>
    /// <param name="span">The time the progression advances.</param>
    /// <returns><see langword="false"/> when the token has no unit (plain digits are items).</returns>
    /// <exception cref="FormatException">The token is a malformed progression, or another progression or an item is glued to it.</exception>
    public static bool TryRead(string diagram, int start, out int length, out TimeSpan span)
    {
        var (numberEnd, end) = Scan(diagram, start);
        length = end - start;
        span = default;
        if (numberEnd == end)
        {
            return false; // digits only: items
        }

        var number = diagram[start..numberEnd];
        var unit = diagram[numberEnd..end];
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            throw MarbleParser.Error(diagram, start, $"time progression '{number}{unit}' has no valid number");
        }

        var ticksPerUnit = TicksPer(unit);
        if (ticksPerUnit == 0)
        {
            throw MarbleParser.Error(diagram, start, UnknownUnit(number, unit));
        }

        try
        {
            span = TimeSpan.FromTicks(checked((long)(amount * ticksPerUnit)));
        }
        catch (OverflowException)
        {
            throw MarbleParser.Error(diagram, start, $"time progression '{number}{unit}' is longer than TimeSpan.MaxValue");
        }

        if (end < diagram.Length && char.IsAsciiDigit(diagram[end]))
        {
            throw MarbleParser.Error(diagram, start, Glued(diagram, start, end));
        }

        return true;
    }

    /// <summary>Refuses a number and a unit split by spaces, such as <c>5 s</c>, at <paramref name="start"/> (a progression's place).</summary>
    /// <exception cref="FormatException">The digits at <paramref name="start"/> are followed by spaces and a lone unit.</exception>
    public static void RefuseSpacedUnit(string diagram, int start)
    {
        var i = start;
        while (i < diagram.Length && (char.IsAsciiDigit(diagram[i]) || diagram[i] == '.'))
        {
            i++;
        }

        var numberEnd = i;
        while (i < diagram.Length && diagram[i] == ' ')
        {
            i++;
        }

        var unitStart = i;
        while (i < diagram.Length && char.IsAsciiLetter(diagram[i]))
        {
            i++;
        }

        var alone = i == diagram.Length || !char.IsAsciiLetterOrDigit(diagram[i]);
        if (unitStart > numberEnd && alone && TicksPer(diagram[unitStart..i]) != 0)
        {
            // "5 s" would otherwise be the items '5' and 's': a typo read as data.
            var spaced = diagram[start..i];
            throw MarbleParser.Error(diagram, start, $"time progression '{spaced}' has a space between number and unit, write '{spaced.Replace(" ", string.Empty, StringComparison.Ordinal)}'");
        }
    }

    /// <summary>Refuses a token that reads as a time progression where none can start: right after a symbol, or after a lone
    /// <c>-</c> (a negative time).</summary>
    /// <param name="diagram">The diagram.</param>
    /// <param name="start">The index of a digit that neither starts the diagram nor follows a space, outside a group.</param>
    /// <exception cref="FormatException">The digits at <paramref name="start"/> and the letters after them are a number and a unit.</exception>
    public static void RefuseMisplaced(string diagram, int start)
    {
        // A digit after a digit is inside a run already judged at its first digit.
        var before = diagram[start - 1];
        if (char.IsAsciiDigit(before) || before == '.' || LookAlike(diagram, start) is not { } token)
        {
            return;
        }

        if (before == '-' && (start == 1 || diagram[start - 2] == ' '))
        {
            throw MarbleParser.Error(
                diagram, start - 1, $"time progression '-{token.Text}' is negative, time only moves forward: write '{token.Text}', or '- {token.Text}' for a frame then {token.Text}");
        }

        // Items can still be drawn so: a group of one takes one frame, like the item alone.
        var unit = token.Text[token.UnitStart..];
        var asItems = $"{token.Text[..token.UnitStart]}({unit[0]}){unit[1..]}";
        throw MarbleParser.Error(
            diagram, start, $"time progression '{token.Text}' has no space before it, write '{before} {token.Text}', or '{asItems}' if these are items");
    }

    /// <summary>Says what is wrong with a unit that is not <c>ms</c>, <c>s</c> or <c>m</c>, and what to write when the fix is plain.</summary>
    private static string UnknownUnit(string number, string unit)
    {
        var reason = $"time progression '{number}{unit}' has unknown unit '{unit}', ";
        var lower = unit.ToLowerInvariant();
        if (TicksPer(lower) != 0)
        {
            return reason + $"units are lowercase: write '{number}{lower}'";
        }

        // "10msb": a known unit with one letter glued on is most likely an item that lost its space.
        var known = unit.StartsWith("ms", StringComparison.Ordinal) ? "ms" : unit[..1] is "s" or "m" ? unit[..1] : null;
        return known is not null && unit.Length == known.Length + 1
            ? reason + $"use ms, s or m; if '{unit[^1]}' is an item, write '{number}{known} {unit[^1]}'"
            : reason + "use ms, s or m";
    }

    /// <summary>Says how to write a progression that a digit follows at once: more durations (<c>10ms1s</c>), or an item (<c>10ms1</c>).</summary>
    private static string Glued(string diagram, int start, int end)
    {
        var first = LookAlike(diagram, start)!.Value;
        var pieces = new List<Token> { first };
        var at = end;
        while (at < diagram.Length && char.IsAsciiDigit(diagram[at]) && LookAlike(diagram, at) is { } next)
        {
            pieces.Add(next);
            at += next.Text.Length;
        }

        if (pieces.Count == 1)
        {
            return $"time progression '{first.Text}' has no space after it, write '{first.Text} {diagram[end]}'";
        }

        // The sum is written in the finest unit used, so it stays a whole number where the parts were ("1m30s": 90s).
        var finest = pieces.Min(p => p.TicksPerUnit);
        var sum = pieces.Sum(p => p.Ticks) / finest;
        var unit = finest == TimeSpan.TicksPerMillisecond ? "ms" : finest == TimeSpan.TicksPerSecond ? "s" : "m";
        var written = diagram[start..at];
        var total = sum.ToString("0.#############################", CultureInfo.InvariantCulture) + unit;
        return $"time progression '{written}' has no space between its durations, write '{total}' or '{string.Join(' ', pieces.Select(p => p.Text))}'";
    }

    /// <summary>Reads a number and a unit at <paramref name="start"/> as a progression would be, or returns <see langword="null"/>.</summary>
    private static Token? LookAlike(string diagram, int start)
    {
        var (numberEnd, end) = Scan(diagram, start);
        var ticksPerUnit = TicksPer(diagram[numberEnd..end]);
        if (ticksPerUnit == 0
            || !decimal.TryParse(diagram[start..numberEnd], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || amount > long.MaxValue / ticksPerUnit)
        {
            return null;
        }

        return new Token(diagram[start..end], numberEnd - start, amount * ticksPerUnit, ticksPerUnit);
    }

    /// <summary>Finds the end of the number (digits and points) at <paramref name="start"/>, and the end of the letters after it.</summary>
    private static (int NumberEnd, int End) Scan(string diagram, int start)
    {
        var i = start;
        while (i < diagram.Length && (char.IsAsciiDigit(diagram[i]) || diagram[i] == '.'))
        {
            i++;
        }

        var numberEnd = i;
        while (i < diagram.Length && char.IsAsciiLetter(diagram[i]))
        {
            i++;
        }

        return (numberEnd, i);
    }

    private static long TicksPer(string unit) => unit switch
    {
        "ms" => TimeSpan.TicksPerMillisecond,
        "s" => TimeSpan.TicksPerSecond,
        "m" => TimeSpan.TicksPerMinute,
        _ => 0,
    };

    /// <summary>A number and a known unit as written, with where the unit starts and the time it stands for.</summary>
    private readonly record struct Token(string Text, int UnitStart, decimal Ticks, long TicksPerUnit);
}
