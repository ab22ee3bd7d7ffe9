using System.Runtime.CompilerServices;

namespace AsyncEnumTesting;

/// <summary>Reads a timeline's time in ticks since its origin: a field read on virtual time, the provider's clock otherwise.</summary>
internal sealed class TimelineClock
{
    private readonly TimeProvider _provider;
    private readonly VirtualClock? _virtual;
    private readonly long _origin;
    private readonly double _ticksPerTimestamp;

    /// <summary>Initializes a clock whose origin is now.</summary>
    public TimelineClock(TimeProvider provider)
    {
        _provider = provider;
        _virtual = provider as VirtualClock;
        _origin = _virtual is null ? provider.GetTimestamp() : 0;
        _ticksPerTimestamp = (double)TimeSpan.TicksPerSecond / provider.TimestampFrequency;

        // Only the system clock is approximated: a fake provider's time is the test's to set, and is read every time.
        SharesStamps = ReferenceEquals(provider, TimeProvider.System);
    }

    /// <summary>Gets whether an entry that completed synchronously shares the previous entry's stamp instead of reading the clock.</summary>
    /// <remarks>
    /// True on the system clock only: a read there costs about as much as recording the entry, and messages print
    /// milliseconds. Virtual time is a field read, and other providers are read every time.
    /// </remarks>
    public bool SharesStamps { get; }

    /// <summary>Returns the time since the origin, in ticks.</summary>
    /// <remarks>Small enough to be inlined, so a virtual-time stamp is the field read it should be.</remarks>
    public long NowTicks() => _virtual is { } virtualClock ? virtualClock.NowTicks : ProviderTicks();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long ProviderTicks() => (long)((_provider.GetTimestamp() - _origin) * _ticksPerTimestamp);
}
