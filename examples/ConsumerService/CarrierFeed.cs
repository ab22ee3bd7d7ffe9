using System.Runtime.CompilerServices;

namespace ConsumerService;

/// <summary>Plays shipment events at given virtual times, then completes, fails or goes silent; counts disposals.</summary>
/// <param name="clock">The clock the gaps run on.</param>
/// <param name="events">When each event arrives (seconds from the start of the enumeration) and the event.</param>
public sealed class CarrierFeed(TimeProvider clock, params (double AtSeconds, ShipmentEvent Event)[] events) : IAsyncEnumerable<ShipmentEvent>
{
    /// <summary>Gets the error thrown after the last event; none when null.</summary>
    public Exception? ThenFail { get; init; }

    /// <summary>Gets a value indicating whether the feed goes silent (until cancelled) after the last event.</summary>
    public bool ThenGoSilent { get; init; }

    /// <summary>Gets how many enumerations were disposed.</summary>
    public int Disposals { get; private set; }

    /// <inheritdoc />
    public IAsyncEnumerator<ShipmentEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        Play(cancellationToken).GetAsyncEnumerator(cancellationToken);

    private async IAsyncEnumerable<ShipmentEvent> Play([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            var start = clock.GetTimestamp();
            foreach (var (at, shipmentEvent) in events)
            {
                var wait = TimeSpan.FromSeconds(at) - clock.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, cancellationToken);
                }

                yield return shipmentEvent;
            }

            if (ThenGoSilent)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, clock, cancellationToken);
            }

            if (ThenFail is not null)
            {
                throw ThenFail;
            }
        }
        finally
        {
            Disposals++;
        }
    }
}
