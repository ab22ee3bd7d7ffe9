namespace AsyncEnumTesting.FluentAssertions;

/// <summary>Stamps the timeline of an assertion that runs on real time: every event at zero.</summary>
/// <remarks>
/// Messages show times only on a <see cref="VirtualClock"/> (real times differ on every run), and the timeline never
/// leaves the assertion, so reading the system clock for each event (twice per item) would be pure cost.
/// </remarks>
internal sealed class StoppedClock : TimeProvider
{
    /// <summary>The one instance; it holds no state.</summary>
    public static readonly StoppedClock Instance = new();

    private StoppedClock()
    {
    }

    /// <inheritdoc />
    public override long GetTimestamp() => 0;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UnixEpoch;
}
