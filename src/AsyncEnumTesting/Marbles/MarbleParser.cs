namespace AsyncEnumTesting;

/// <summary>Names what a marble notification is.</summary>
internal enum MarbleKind
{
    /// <summary>An item, drawn as its symbol.</summary>
    Item,

    /// <summary>Completion, drawn as <c>|</c>.</summary>
    Complete,

    /// <summary>An error, drawn as <c>#</c>.</summary>
    Error,
}

/// <summary>Describes one event of a marble diagram at its offset from the subscription point.</summary>
internal readonly record struct MarbleNotification(TimeSpan Offset, MarbleKind Kind, char Symbol);

/// <summary>Holds a parsed marble diagram: its events in time order, and whether it has a subscription point (hot).</summary>
internal sealed record MarbleDiagram(IReadOnlyList<MarbleNotification> Notifications, bool IsHot);

/// <summary>Parses marble diagrams once into timed notifications.</summary>
/// <remarks>
/// Grammar: <c>-</c> one frame; an item symbol occupies one frame; <c>(ab)</c> events in one frame; <c>|</c> completion;
/// <c>#</c> error; <c>^</c> the subscription point (takes no time); spaces are ignored; a token of a number and a unit
/// (<c>ms</c>, <c>s</c>, <c>m</c>) that starts the diagram or follows a space advances time by that much. Tokens that look like
/// a time progression anywhere else are refused by <see cref="MarbleTime"/>, not played as items.
/// </remarks>
internal static class MarbleParser
{
    /// <summary>Parses <paramref name="diagram"/>.</summary>
    /// <param name="diagram">The diagram text.</param>
    /// <param name="frame">The duration of one frame.</param>
    /// <param name="isItem">Says whether a character is an item symbol.</param>
    /// <param name="unknownReason">Says why a character is not, for example <c>it has no value in the mapping</c>.</param>
    /// <param name="hasError">Whether an exception was given for <c>#</c>.</param>
    /// <exception cref="FormatException">The diagram is malformed; the message names the position and the reason, with a caret.</exception>
    public static MarbleDiagram Parse(string diagram, TimeSpan frame, Func<char, bool> isItem, string unknownReason, bool hasError)
    {
        if (string.IsNullOrWhiteSpace(diagram))
        {
            // An empty diagram would be a source that never does anything: a hang, not a test.
            throw Error(diagram, 0, "empty diagram, draw at least one event: '|' to complete, '#' to fail, or an item");
        }

        var events = new List<(long Ticks, MarbleKind Kind, char Symbol)>();
        long now = 0;
        long? subscription = null;
        var groupStart = -1;
        var groupEvents = 0;
        var terminal = '\0';
        for (var i = 0; i < diagram.Length; i++)
        {
            var c = diagram[i];
            if (c == ' ')
            {
                continue;
            }

            var inGroup = groupStart >= 0;
            if (terminal != '\0' && !(inGroup && c == ')'))
            {
                var end = terminal == '|' ? "completion '|'" : "error '#'";
                throw Error(diagram, i, $"'{c}' after {end}, nothing can follow the end of a sequence");
            }

            switch (c)
            {
                case '-':
                    if (inGroup)
                    {
                        throw Error(diagram, i, "frame '-' inside a group, a group is one frame: put frames outside it");
                    }

                    now = Later(diagram, i, now, frame.Ticks);
                    break;
                case '(':
                    // Judge the group by its parentheses first: a missing ')' explains any error inside it best.
                    var next = diagram.IndexOfAny(['(', ')'], i + 1);
                    if (next < 0)
                    {
                        throw Error(diagram, i, "unbalanced group, '(' has no matching ')'");
                    }

                    if (diagram[next] == '(')
                    {
                        throw Error(diagram, next, "nested group, a group cannot contain '('");
                    }

                    groupStart = i;
                    groupEvents = 0;
                    break;
                case ')':
                    if (!inGroup)
                    {
                        throw Error(diagram, i, "unbalanced group, ')' has no matching '('");
                    }

                    if (groupEvents == 0)
                    {
                        throw Error(diagram, groupStart, "empty group, '()' holds no event");
                    }

                    groupStart = -1;
                    now = Later(diagram, i, now, frame.Ticks);
                    break;
                case '|' or '#':
                    if (c == '#' && !hasError)
                    {
                        throw Error(diagram, i, "error '#' but no exception was given, pass one as error");
                    }

                    events.Add((now, c == '|' ? MarbleKind.Complete : MarbleKind.Error, c));
                    terminal = c;
                    groupEvents++;
                    break;
                case '^':
                    if (inGroup)
                    {
                        throw Error(diagram, i, "subscription point '^' inside a group");
                    }

                    if (subscription is not null)
                    {
                        throw Error(diagram, i, "second subscription point '^', a diagram has at most one");
                    }

                    subscription = now;
                    break;
                default:
                    if (char.IsAsciiDigit(c) && (i == 0 || diagram[i - 1] == ' '))
                    {
                        if (MarbleTime.TryRead(diagram, i, out var length, out var span))
                        {
                            if (inGroup)
                            {
                                throw Error(diagram, i, "time progression inside a group, a group is one instant");
                            }

                            now = Later(diagram, i, now, span.Ticks);
                            i += length - 1;
                            break;
                        }

                        MarbleTime.RefuseSpacedUnit(diagram, i);
                    }
                    else if (char.IsAsciiDigit(c) && !inGroup)
                    {
                        // Inside a group no time can pass, so "(1s)" can only be the items '1' and 's'.
                        MarbleTime.RefuseMisplaced(diagram, i);
                    }

                    if (!isItem(c))
                    {
                        throw Error(diagram, i, $"unknown symbol '{c}', {unknownReason}");
                    }

                    events.Add((now, MarbleKind.Item, c));
                    groupEvents++;
                    if (!inGroup)
                    {
                        now = Later(diagram, i, now, frame.Ticks);
                    }

                    break;
            }
        }

        var origin = subscription ?? 0;
        return new MarbleDiagram(
            events.ConvertAll(e => new MarbleNotification(TimeSpan.FromTicks(e.Ticks - origin), e.Kind, e.Symbol)),
            subscription is not null);
    }

    /// <summary>Moves the diagram's time on by <paramref name="ticks"/>, rejecting a total past <see cref="TimeSpan.MaxValue"/>.</summary>
    private static long Later(string diagram, int index, long now, long ticks) =>
        now > TimeSpan.MaxValue.Ticks - ticks
            ? throw Error(diagram, index, "the diagram's time passes TimeSpan.MaxValue here")
            : now + ticks;

    /// <summary>Creates the error for a malformed diagram: the position, the reason, the diagram and a caret under the position.</summary>
    internal static FormatException Error(string diagram, int index, string reason) =>
        new($"Invalid marble diagram at position {index + 1}: {reason}.{Environment.NewLine}  {diagram}{Environment.NewLine}  {new string(' ', index)}^");
}
