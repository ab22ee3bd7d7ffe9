namespace AsyncEnumTesting;

/// <content>Fake sequences the test drives by hand.</content>
public static partial class FakeSequence
{
    /// <summary>Creates a sequence the test drives with <see cref="DrivenSequence{T}.Emit"/>, <see cref="DrivenSequence{T}.Complete"/> and <see cref="DrivenSequence{T}.Fail"/>.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="clock">The clock <see cref="DrivenSequence{T}.WhenDemandAsync"/> drives while it waits and names waiters on; optional.</param>
    /// <param name="name">The name events and messages use; <c>driven</c> when <see langword="null"/>.</param>
    /// <param name="timeline">The timeline to record on through a probe (the events <c>source.Probe(timeline, name)</c> would record), if any.</param>
    /// <returns>A driven sequence with an empty buffer and no demand.</returns>
    /// <exception cref="ArgumentException">Another probe or fake on <paramref name="timeline"/> already has <paramref name="name"/>.</exception>
    public static DrivenSequence<T> Driven<T>(VirtualClock? clock = null, string? name = null, Timeline? timeline = null) =>
        new(clock, name, timeline);
}
