namespace AsyncEnumTesting;

/// <summary>Creates fake async sequences: scripted, generated, drawn as marble diagrams, or driven by the test.</summary>
/// <remarks>
/// <para>
/// Every fake honours the token given to <c>GetAsyncEnumerator</c>, counts its enumerations and disposals, can be
/// enumerated more than once, and records what happens to it on the <see cref="Timeline"/> it was given, under its name:
/// a fake with a timeline hands out a <see cref="Probe{T}"/>'s enumerators over its own, so fakes and probes record the
/// same events and render alike, and the probe's protocol checks (overlapping calls, use after dispose) apply.
/// </para>
/// <para>
/// Which fake: <see cref="Script{T}"/> for a cold sequence whose waits run from each <c>MoveNextAsync</c> (like an
/// iterator with <c>Task.Delay</c>); <see cref="FromMarbles(VirtualClock?, string, Exception?, TimeSpan?, string?, Timeline?)"/>
/// for items at fixed offsets from each enumeration's start (or a hot source with <c>^</c>); <see cref="Generate{T}"/> for an
/// endless poll; <see cref="Driven{T}"/> when the test decides, step by step, what the consumer receives.
/// </para>
/// <para>
/// Fakes wait only on the <see cref="VirtualClock"/> they were given, never on real time: a fake that must wait
/// needs one at creation and says so when it has none.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// await VirtualTime.RunAsync(async clock =>
/// {
///     var source = FakeSequence.FromMarbles(clock, "-a-b 1s c|");
///     var items = await source.ToListAsync(); // ['a', 'b', 'c'] at 00:00.010, 00:00.030 and 00:01.040
/// });
/// </code>
/// </example>
public static partial class FakeSequence
{
    /// <summary>Gets the duration of one frame (<c>-</c>) of a marble diagram unless told otherwise: 10 milliseconds.</summary>
    public static TimeSpan DefaultFrame { get; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Creates an empty script to fill with <see cref="ScriptedSequence{T}.Yield"/>, <see cref="ScriptedSequence{T}.Wait"/> and a terminal step.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="clock">The clock waits run on; <see langword="null"/> for a script that never waits.</param>
    /// <param name="name">The name events and messages use; <c>scripted</c> when <see langword="null"/>.</param>
    /// <param name="timeline">The timeline to record on through a probe (the events <c>source.Probe(timeline, name)</c> would record), if any.</param>
    /// <returns>A cold scripted sequence that completes once it runs out of steps.</returns>
    /// <exception cref="ArgumentException">Another probe or fake on <paramref name="timeline"/> already has <paramref name="name"/>.</exception>
    public static ScriptedSequence<T> Script<T>(VirtualClock? clock = null, string? name = null, Timeline? timeline = null) =>
        new(clock, name, timeline);

    /// <summary>Creates an endless sequence of <paramref name="selector"/>(0), (1), ..., each <paramref name="interval"/> after the consumer asks for it.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="clock">The clock the interval runs on; may be <see langword="null"/> only when <paramref name="interval"/> is zero.</param>
    /// <param name="selector">Maps an item's index, from 0, to the item.</param>
    /// <param name="interval">The virtual time to wait before each item, like a polling loop's delay.</param>
    /// <param name="name">The name events and messages use; <c>generated</c> when <see langword="null"/>.</param>
    /// <param name="timeline">The timeline to record on through a probe (the events <c>source.Probe(timeline, name)</c> would record), if any.</param>
    /// <returns>A cold sequence that never completes on its own; stop it with <c>Take</c> or cancellation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="selector"/> is <see langword="null"/>, or <paramref name="clock"/> is while <paramref name="interval"/> is positive.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is negative.</exception>
    /// <exception cref="ArgumentException">Another probe or fake on <paramref name="timeline"/> already has <paramref name="name"/>.</exception>
    public static ScriptedSequence<T> Generate<T>(VirtualClock? clock, Func<int, T> selector, TimeSpan interval, string? name = null, Timeline? timeline = null)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        if (clock is null && interval > TimeSpan.Zero)
        {
            throw new ArgumentNullException(
                nameof(clock),
                $"A generated sequence that waits {TimeFormat.Elapsed(interval)} between items needs a VirtualClock: pass one as clock. Fakes never wait on real time.");
        }

        return new ScriptedSequence<T>(clock, name, timeline, "generated sequence", "generated").Generate(selector, interval);
    }
}
