using System.Runtime.CompilerServices;

namespace AsyncEnumTesting;

/// <content>Refusing a clock that is not the one a fake waits on.</content>
public static partial class FakeSequence
{
    /// <summary>Throws when <paramref name="source"/> is a fake, or a probe over one, that waits on another <see cref="VirtualClock"/> than <paramref name="clock"/>.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="source">The sequence a test is about to read.</param>
    /// <param name="clock">The clock the test passed for <paramref name="source"/>; nothing is checked when <see langword="null"/>.</param>
    /// <param name="paramName">The caller's name for <paramref name="clock"/>, filled in by the compiler.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is a scripted, marble or driven fake (or a probe over one)
    /// created with a <see cref="VirtualClock"/> other than <paramref name="clock"/>; the message names both and says what to do.</exception>
    /// <remarks>
    /// A fake waits only on the clock it was created with, so a reader that drives another clock would wait until its
    /// real-time limit and then blame real time. <c>OpenReader(clock)</c> and the assertion packages' <c>Should(clock)</c>
    /// call this first; it is public so that an integration for another assertion library refuses the same mistake with
    /// the same message. Sources that are not the kit's fakes are never refused: their clock is not known.
    /// </remarks>
    /// <example><code>FakeSequence.ThrowIfOnOtherClock(source, clock);</code></example>
    public static void ThrowIfOnOtherClock<T>(IAsyncEnumerable<T> source, VirtualClock? clock, [CallerArgumentExpression(nameof(clock))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (clock is null || FakeClockOf(source) is not { } fake || ReferenceEquals(fake.Clock, clock))
        {
            return;
        }

        var passed = string.IsNullOrWhiteSpace(paramName) ? "the clock passed" : paramName;
        throw new ArgumentException(
            $"The source runs on another VirtualClock: {fake.Title} waits on the clock it was created with ({fake.Clock}), " +
            $"not on {passed} ({clock}), so nothing would move its time. Pass the fake's clock, or create the fake with the clock you pass.",
            paramName);
    }

    /// <summary>Finds the fake under <paramref name="source"/> (through any probes) and the clock it waits on.</summary>
    private static (VirtualClock Clock, string Title)? FakeClockOf<T>(IAsyncEnumerable<T> source)
    {
        while (true)
        {
            switch (source)
            {
                case Probe<T> probe:
                    source = probe.Source;
                    break;
                case ScriptedSequence<T> { Clock: { } clock } scripted:
                    return (clock, scripted.Title);
                case DrivenSequence<T> { Clock: { } clock } driven:
                    return (clock, driven.Title);
                default:
                    return null;
            }
        }
    }
}
