#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <summary>Refuses a clock the assertions cannot drive, with a message that says what to do instead.</summary>
/// <remarks>
/// Decided for <c>FakeTimeProvider</c> (Microsoft.Extensions.TimeProvider.Testing) and any other fake: the assertions drive
/// only a <see cref="VirtualClock"/>, whose advance returns after the woken code ran; a fake whose time moves only when
/// the test moves it would leave the source waiting until the real-time limit, and then fail with a misleading hint.
/// Real time (<see cref="TimeProvider.System"/>) is accepted, waits then being bounded in real time, except for a fake that
/// waits on a <see cref="VirtualClock"/>: real time would never move it.
/// </remarks>
internal static class ClockCheck
{
    /// <summary>Returns <paramref name="clock"/> when the assertions can wait on it and a fake <paramref name="source"/> waits on it too.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="clock"/> is neither a <see cref="VirtualClock"/> nor <see cref="TimeProvider.System"/>,
    /// or <paramref name="source"/> is a fake (or a probe over one) created with another <see cref="VirtualClock"/>, or with
    /// one while <paramref name="clock"/> is <see cref="TimeProvider.System"/>.</exception>
    public static TimeProvider Drivable<T>(IAsyncEnumerable<T>? source, TimeProvider clock, string paramName)
    {
        var drivable = Drivable(clock, paramName);
        if (source is not null)
        {
            FakeSequence.ThrowIfOnOtherClock(source, drivable, paramName);
        }

        return drivable;
    }

    /// <summary>Returns <paramref name="clock"/> when the assertions can wait on it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="clock"/> is neither a <see cref="VirtualClock"/> nor <see cref="TimeProvider.System"/>.</exception>
    public static TimeProvider Drivable(TimeProvider clock, string paramName)
    {
        ArgumentNullException.ThrowIfNull(clock, paramName);
        if (clock is VirtualClock || ReferenceEquals(clock, TimeProvider.System))
        {
            return clock;
        }

        var name = clock.GetType().Name;
        throw new ArgumentException(
            $"{name} is a TimeProvider the assertion cannot move: a source waiting on it would wait until the real-time limit and fail. " +
            $"Give the code under test a VirtualClock instead (a TimeProvider too, which the assertion advances while it waits), " +
            $"or keep the {name}, advance it yourself, and assert without a clock: source.Should().",
            paramName);
    }
}
