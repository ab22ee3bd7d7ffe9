namespace AsyncEnumTesting;

/// <summary>Sets how an <see cref="AsyncSequenceReader{T}"/> waits and how strict it is when disposed.</summary>
public sealed class AsyncSequenceReaderOptions
{
    /// <summary>Gets the options every reader uses unless told otherwise.</summary>
    public static AsyncSequenceReaderOptions Default { get; } = new();

    /// <summary>Gets the real time each await may take before it fails. Default: 5 seconds.</summary>
    /// <remarks>
    /// <para>With a <see cref="VirtualClock"/> that nothing else drives, the reader waits for work on other threads, when
    /// no timer is pending on the clock, for this long or the clock's <see cref="VirtualClock.RealTimeGrace"/>, whichever is
    /// shorter, before it declares that nothing can happen any more.</para>
    /// <para>The kit's one default for "wait for the next event": the assertion packages read it from <see cref="Default"/> too,
    /// and a driven fake's <c>WhenDemandAsync</c> waits as long. Long enough for a slow CI machine, short enough to fail fast.</para>
    /// </remarks>
    public TimeSpan RealTimeLimit { get; init; } = WaitDefaults.RealTimeLimit;

    /// <summary>Gets the virtual time each await may let pass before it fails, when the reader has a clock. Default: 1 hour.</summary>
    /// <remarks>An hour of virtual time costs nothing in real time, is longer than the gaps of most pollers and scripted
    /// sources, and still stops a silent endless poll; the assertion packages use the same default (<see cref="Default"/>).
    /// Raise it for sources that legitimately stay silent for longer.</remarks>
    public TimeSpan VirtualTimeLimit { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Gets a value indicating whether disposing the reader skips its strictness checks (unconsumed events, a
    /// sequence neither finished nor canceled). Default: <see langword="false"/>.</summary>
    public bool IgnoreRemainingEvents { get; init; }

    /// <summary>Gets the name the reader's events carry on the timeline and its messages use; <see langword="null"/> (the
    /// default) takes the name the test gave the source (a probe, or a fake beneath probes: <see cref="FakeSequence.NameOf{T}"/>),
    /// and without one records the events as <c>source</c> and calls it "the sequence" in messages.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the timeline to record on, so events of several sources and the test's marks share one order;
    /// <see langword="null"/> to give the reader its own timeline on its clock.</summary>
    public Timeline? Timeline { get; init; }

    /// <summary>Throws when a value is out of range.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RealTimeLimit, TimeSpan.Zero, nameof(RealTimeLimit));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(VirtualTimeLimit, TimeSpan.Zero, nameof(VirtualTimeLimit));
        if (Name is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(Name, nameof(Name));
        }
    }
}
