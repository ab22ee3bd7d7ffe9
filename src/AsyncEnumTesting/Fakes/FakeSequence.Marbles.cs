namespace AsyncEnumTesting;

/// <content>Fake sequences drawn as marble diagrams.</content>
public static partial class FakeSequence
{
    /// <summary>Creates a sequence of characters drawn as a marble diagram, each letter or digit standing for itself.</summary>
    /// <param name="clock">The clock the diagram's time runs on; may be <see langword="null"/> only when every event is at time zero.</param>
    /// <param name="diagram">The diagram, for example <c>"-a-b 1s (cd)|"</c>; see the remarks for the grammar.</param>
    /// <param name="error">The exception <c>#</c> throws; required when the diagram has a <c>#</c>, refused when it has none.</param>
    /// <param name="frame">The duration of one frame; <see cref="DefaultFrame"/> (10 ms) when <see langword="null"/>.</param>
    /// <param name="name">The name events and messages use; <c>marbles</c> when <see langword="null"/>.</param>
    /// <param name="timeline">The timeline to record on through a probe (the events <c>source.Probe(timeline, name)</c> would record), if any.</param>
    /// <returns>A scripted sequence that plays the diagram.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diagram"/> is <see langword="null"/>, or <paramref name="clock"/> is while the diagram spans time.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frame"/> is not positive.</exception>
    /// <exception cref="FormatException">The diagram is malformed; the message names the position and the reason and points at it with a caret.</exception>
    /// <exception cref="ArgumentException"><paramref name="error"/> is given but the diagram has no <c>#</c> to throw it, or another probe or
    /// fake on <paramref name="timeline"/> already has <paramref name="name"/>.</exception>
    /// <remarks>
    /// <para>
    /// Grammar: <c>-</c> is one frame of time. A letter or digit is an item; it takes one frame. <c>(ab)</c> is a group: its
    /// events happen at the same instant and the group takes one frame. <c>|</c> is completion and <c>#</c> the error; nothing
    /// may follow them. Spaces are ignored. A token of a number and a unit (<c>ms</c>, <c>s</c> or <c>m</c> for minutes; the
    /// number may have a decimal point, as in <c>1.5s</c>) at the start or after a space, as in <c>"-a 100ms b|"</c>, advances
    /// time by that much. So <c>"-a 100ms b|"</c> with 10 ms frames yields <c>a</c> at 00:00.010, <c>b</c> at 00:00.120 and
    /// completes at 00:00.130. A number and a unit split by a space (<c>"-a 5 s b|"</c>), a total time past
    /// <see cref="TimeSpan.MaxValue"/> and an empty diagram are rejected.
    /// </para>
    /// <para>
    /// So is every token that looks like a time progression but would otherwise be played as items, each with what to write
    /// instead: a negative time (<c>"-a -1s b|"</c>), durations written together (<c>"10ms1s"</c>: write <c>"1010ms"</c> or
    /// <c>"10ms 1s"</c>), a progression with no space before it (<c>"-a-1s-b|"</c>) or an item glued after it (<c>"1sb"</c>,
    /// <c>"1s2"</c>), and a unit in capitals (<c>"1S"</c>). To draw a digit followed by the item <c>s</c> or <c>m</c>, put the
    /// letter in a group, which takes one frame like the item alone: <c>"-1(s)|"</c>. Inside a group no time passes, so
    /// <c>"(1s)"</c> is the items <c>1</c> and <c>s</c>.
    /// </para>
    /// <para>
    /// Without <c>^</c> the diagram is cold: each enumeration plays it from the moment it starts (its
    /// <c>GetAsyncEnumerator</c>), an item being due at its offset from that start; an item due while the consumer is not
    /// asking waits for the next <c>MoveNextAsync</c>, which then returns it at once.
    /// </para>
    /// <para>
    /// With <c>^</c> the diagram is hot: <c>^</c> is the instant the sequence is created, events before it happened in the
    /// past, and the source's time runs whether anyone enumerates or not. An enumeration misses every item due before it
    /// started and buffers every item due afterwards until its consumer asks; completion and errors reach every enumeration,
    /// also late ones.
    /// </para>
    /// <para>A diagram without <c>|</c> or <c>#</c> hangs after its last event until the token is cancelled.</para>
    /// </remarks>
    public static ScriptedSequence<char> FromMarbles(VirtualClock? clock, string diagram, Exception? error = null, TimeSpan? frame = null, string? name = null, Timeline? timeline = null) =>
        FromMarbles(clock, diagram, static c => c, error, frame, name, timeline);

    /// <summary>Creates a sequence drawn as a marble diagram whose symbols stand for the values in <paramref name="values"/>.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="clock">The clock the diagram's time runs on; may be <see langword="null"/> only when every event is at time zero.</param>
    /// <param name="diagram">The diagram; see <see cref="FromMarbles(VirtualClock?, string, Exception?, TimeSpan?, string?, Timeline?)"/> for the grammar.</param>
    /// <param name="values">The item each symbol stands for; any character but <c>- | # ^ ( )</c> and space can be a symbol.</param>
    /// <param name="error">The exception <c>#</c> throws; required when the diagram has a <c>#</c>, refused when it has none.</param>
    /// <param name="frame">The duration of one frame; <see cref="DefaultFrame"/> (10 ms) when <see langword="null"/>.</param>
    /// <param name="name">The name events and messages use; <c>marbles</c> when <see langword="null"/>.</param>
    /// <param name="timeline">The timeline to record on through a probe (the events <c>source.Probe(timeline, name)</c> would record), if any.</param>
    /// <returns>A scripted sequence that plays the diagram.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diagram"/> or <paramref name="values"/> is <see langword="null"/>, or <paramref name="clock"/> is while the diagram spans time.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frame"/> is not positive.</exception>
    /// <exception cref="FormatException">The diagram is malformed, or uses a symbol <paramref name="values"/> does not map.</exception>
    /// <exception cref="ArgumentException"><paramref name="error"/> is given but the diagram has no <c>#</c> to throw it, or another probe or
    /// fake on <paramref name="timeline"/> already has <paramref name="name"/>.</exception>
    public static ScriptedSequence<T> FromMarbles<T>(VirtualClock? clock, string diagram, IReadOnlyDictionary<char, T> values, Exception? error = null, TimeSpan? frame = null, string? name = null, Timeline? timeline = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Build(clock, diagram, values.ContainsKey, "it has no value in the values given: add it, or draw time with '-'", c => values[c], error, frame, name, timeline);
    }

    /// <summary>Creates a sequence drawn as a marble diagram whose letters and digits are mapped to items by <paramref name="selector"/>.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="clock">The clock the diagram's time runs on; may be <see langword="null"/> only when every event is at time zero.</param>
    /// <param name="diagram">The diagram; see <see cref="FromMarbles(VirtualClock?, string, Exception?, TimeSpan?, string?, Timeline?)"/> for the grammar.</param>
    /// <param name="selector">Maps a symbol (a letter or digit) to its item; called once per symbol when the diagram is parsed.</param>
    /// <param name="error">The exception <c>#</c> throws; required when the diagram has a <c>#</c>, refused when it has none.</param>
    /// <param name="frame">The duration of one frame; <see cref="DefaultFrame"/> (10 ms) when <see langword="null"/>.</param>
    /// <param name="name">The name events and messages use; <c>marbles</c> when <see langword="null"/>.</param>
    /// <param name="timeline">The timeline to record on through a probe (the events <c>source.Probe(timeline, name)</c> would record), if any.</param>
    /// <returns>A scripted sequence that plays the diagram.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diagram"/> or <paramref name="selector"/> is <see langword="null"/>, or <paramref name="clock"/> is while the diagram spans time.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frame"/> is not positive.</exception>
    /// <exception cref="FormatException">The diagram is malformed.</exception>
    /// <exception cref="ArgumentException"><paramref name="error"/> is given but the diagram has no <c>#</c> to throw it, or another probe or
    /// fake on <paramref name="timeline"/> already has <paramref name="name"/>.</exception>
    public static ScriptedSequence<T> FromMarbles<T>(VirtualClock? clock, string diagram, Func<char, T> selector, Exception? error = null, TimeSpan? frame = null, string? name = null, Timeline? timeline = null)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Build(clock, diagram, char.IsAsciiLetterOrDigit, "items are letters or digits: draw time with '-', or map other symbols with a dictionary of values", selector, error, frame, name, timeline);
    }

    private static ScriptedSequence<T> Build<T>(
        VirtualClock? clock, string diagram, Func<char, bool> isItem, string unknownReason, Func<char, T> map, Exception? error, TimeSpan? frame, string? name, Timeline? timeline)
    {
        ArgumentNullException.ThrowIfNull(diagram);
        var frameSpan = frame ?? DefaultFrame;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(frameSpan, TimeSpan.Zero, nameof(frame));
        var parsed = MarbleParser.Parse(diagram, frameSpan, isItem, unknownReason, error is not null);
        if (error is not null && !parsed.Notifications.Any(n => n.Kind == MarbleKind.Error))
        {
            // An error nothing throws is a test of a failure that never happens: it would pass without testing it.
            throw new ArgumentException(
                $"The marble diagram \"{diagram}\" has no '#', so the error would never be thrown: draw '#' where the sequence should fail, or leave out the error.",
                nameof(error));
        }

        var last = parsed.Notifications.Count == 0 ? TimeSpan.Zero : parsed.Notifications[^1].Offset;
        if (clock is null && last > TimeSpan.Zero)
        {
            throw new ArgumentNullException(
                nameof(clock),
                $"The marble diagram \"{diagram}\" spans {TimeFormat.Elapsed(last)} of virtual time, so it needs a VirtualClock: pass one as clock. Fakes never wait on real time.");
        }

        var sequence = new ScriptedSequence<T>(clock, name, timeline, "marble sequence", "marbles")
        {
            HotOriginTicks = parsed.IsHot ? clock?.NowTicks ?? 0 : null,
        };
        TimeSpan? at = null;
        var symbols = new Dictionary<char, T>();
        foreach (var n in parsed.Notifications)
        {
            if (at != n.Offset)
            {
                sequence.Add(new ScriptStep<T>(ScriptStepKind.WaitUntil, Time: n.Offset));
                at = n.Offset;
            }

            sequence.Add(n.Kind switch
            {
                MarbleKind.Item => new ScriptStep<T>(ScriptStepKind.Item, Lookup(n.Symbol)),
                MarbleKind.Complete => new ScriptStep<T>(ScriptStepKind.Complete),
                _ => new ScriptStep<T>(ScriptStepKind.Fail, Error: error),
            });
        }

        if (parsed.Notifications.Count == 0 || parsed.Notifications[^1].Kind == MarbleKind.Item)
        {
            sequence.Add(new ScriptStep<T>(ScriptStepKind.HangUntilCanceled));
        }

        return sequence;

        T Lookup(char symbol)
        {
            if (!symbols.TryGetValue(symbol, out var value))
            {
                symbols[symbol] = value = map(symbol);
            }

            return value;
        }
    }
}
