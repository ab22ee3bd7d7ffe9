using System.Runtime.CompilerServices;

namespace ConsumerService;

/// <summary>Plays a carrier's shipment events at given virtual times (a stand-in for a long-polling HTTP feed).</summary>
public static class CarrierFeed
{
    /// <summary>Yields each event at its time (seconds from the first <c>MoveNextAsync</c>), then completes, fails or goes silent.</summary>
    /// <param name="clock">The clock the gaps run on.</param>
    /// <param name="events">When each event arrives and the event.</param>
    /// <param name="thenFail">The error after the last event; none when null.</param>
    /// <param name="thenGoSilent">Whether to wait (until cancelled) after the last event instead of completing.</param>
    /// <param name="cancellationToken">Cancels the wait for the next event.</param>
    /// <returns>The events.</returns>
    public static async IAsyncEnumerable<ShipmentEvent> Play(
        TimeProvider clock,
        (double AtSeconds, ShipmentEvent Event)[] events,
        Exception? thenFail = null,
        bool thenGoSilent = false,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(events);
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

        if (thenGoSilent)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, clock, cancellationToken);
        }

        if (thenFail is not null)
        {
            throw thenFail;
        }
    }
}
