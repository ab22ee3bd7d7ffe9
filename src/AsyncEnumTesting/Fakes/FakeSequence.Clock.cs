using System.Runtime.CompilerServices;

namespace AsyncEnumTesting;

/// <content>Finding the clock a fake waits on, and refusing a clock that is not that one.</content>
public static partial class FakeSequence
{
    /// <summary>Returns the <see cref="VirtualClock"/> a source runs on as far as the kit knows: the clock of a probe's
    /// timeline, else the clock of the scripted, marble or driven fake beneath the source (through any probes).</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="source">The sequence a test is about to read.</param>
    /// <returns>The clock, or <see langword="null"/> for a fake without one, a probe on real time over such a fake, and
    /// every other source (its clock is not known).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    /// <remarks><c>OpenReader()</c> and the assertion packages' <c>Should()</c> read a source on this clock when the test
    /// passes none; it is public so that an integration for another assertion library finds the same clock.</remarks>
    /// <example><code>var clock = FakeSequence.ClockOf(source); // the fake's clock, or null</code></example>
    public static VirtualClock? ClockOf<T>(IAsyncEnumerable<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source is Probe<T> { Timeline.Clock: VirtualClock probeClock } ? probeClock : FakeClock(ClockedFake(source));
    }

    /// <summary>Throws when <paramref name="source"/> is a fake, or a probe over one, that waits on another clock than <paramref name="clock"/>.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="source">The sequence a test is about to read.</param>
    /// <param name="clock">The clock the test passed for <paramref name="source"/>; nothing is checked when <see langword="null"/>.</param>
    /// <param name="paramName">The caller's name for <paramref name="clock"/>, filled in by the compiler.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is a scripted, marble or driven fake (or a probe over one)
    /// created with a <see cref="VirtualClock"/> other than <paramref name="clock"/>, or <paramref name="clock"/> is not a
    /// <see cref="VirtualClock"/> at all (<see cref="TimeProvider.System"/>, say); the message names both and says what to do.</exception>
    /// <remarks>
    /// A fake waits only on the clock it was created with, so a reader that drives another clock, or waits on real time,
    /// would wait until its real-time limit and then blame real time. <c>OpenReader(clock)</c> and the assertion packages'
    /// <c>Should(clock)</c> call this first; it is public so that an integration for another assertion library refuses the
    /// same mistake with the same message. Sources that are not the kit's fakes are never refused: their clock is not known.
    /// </remarks>
    /// <example><code>FakeSequence.ThrowIfOnOtherClock(source, clock);</code></example>
    public static void ThrowIfOnOtherClock<T>(IAsyncEnumerable<T> source, TimeProvider? clock, [CallerArgumentExpression(nameof(clock))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var fake = ClockedFake(source);
        if (clock is null || FakeClock(fake) is not { } fakeClock || ReferenceEquals(fakeClock, clock))
        {
            return;
        }

        var passed = string.IsNullOrWhiteSpace(paramName) ? "the clock passed" : paramName;
        var title = TitleOf(fake);
        if (clock is not VirtualClock)
        {
            // Real time never moves virtual time: the fake would wait until the undriven watchdog gave up, blaming the clock.
            var given = ReferenceEquals(clock, TimeProvider.System) ? "TimeProvider.System" : "a " + clock.GetType().Name;
            throw new ArgumentException(
                $"The source runs on a VirtualClock, not on real time: {title} waits on the clock it was created with ({fakeClock}), " +
                $"but {passed} is {given}, which never moves that clock, so nothing would move its time. Pass the fake's clock: fakes never wait on real time.",
                paramName);
        }

        throw new ArgumentException(
            $"The source runs on another VirtualClock: {title} waits on the clock it was created with ({fakeClock}), " +
            $"not on {passed} ({clock}), so nothing would move its time. Pass the fake's clock, or create the fake with the clock you pass.",
            paramName);
    }

    /// <summary>Returns the clock a fake waits on, or <see langword="null"/> for a fake without one or another source.</summary>
    private static VirtualClock? FakeClock<T>(IAsyncEnumerable<T> fake) => fake switch
    {
        ScriptedSequence<T> scripted => scripted.Clock,
        DrivenSequence<T> driven => driven.Clock,
        _ => null,
    };

    /// <summary>Returns the fake beneath any probes whose clock counts: for <see cref="PerEnumeration{T}"/>, the first of its
    /// sequences that has a clock.</summary>
    private static IAsyncEnumerable<T> ClockedFake<T>(IAsyncEnumerable<T> source)
    {
        var fake = Beneath(source);
        return fake is EnumerationTurns<T> turns ? turns.Sequences.Select(Beneath).FirstOrDefault(f => FakeClock(f) is not null) ?? fake : fake;
    }

    /// <summary>Returns how a fake presents itself in messages, for example <c>scripted sequence "orders"</c>.</summary>
    private static string TitleOf<T>(IAsyncEnumerable<T> fake) => fake switch
    {
        ScriptedSequence<T> scripted => scripted.Title,
        DrivenSequence<T> driven => driven.Title,
        _ => string.Empty,
    };
}
