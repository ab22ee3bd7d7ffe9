namespace ConsumerService;

/// <summary>Holds one status change of a shipment, as the carrier's feed sends it.</summary>
/// <param name="ShipmentId">The shipment.</param>
/// <param name="Status">Its new status.</param>
public sealed record ShipmentEvent(string ShipmentId, string Status)
{
    /// <summary>Returns the event as <c>shipment status</c>, short enough for logs and rendered timelines.</summary>
    /// <returns>For example <c>S1 picked</c>.</returns>
    public override string ToString() => $"{ShipmentId} {Status}";
}

/// <summary>Saves shipment events (a database in production, a fake in tests).</summary>
public interface IShipmentStore
{
    /// <summary>Saves one event.</summary>
    /// <param name="shipmentEvent">The event to save.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the event is saved.</returns>
    Task SaveAsync(ShipmentEvent shipmentEvent, CancellationToken cancellationToken);
}

/// <summary>Copies a carrier's event feed into the shipment store, one event at a time, as a background service would.</summary>
/// <param name="store">Where events go.</param>
/// <param name="clock">The time source the idle timeout runs on.</param>
/// <param name="idleTimeout">How long the feed may stay silent before the consumer gives up.</param>
public sealed class ShipmentFeedConsumer(IShipmentStore store, TimeProvider clock, TimeSpan idleTimeout)
{
    /// <summary>Reads <paramref name="feed"/> to its end, saving each event as soon as it arrives.</summary>
    /// <param name="feed">The carrier's feed.</param>
    /// <param name="cancellationToken">Stops the consumer (host shutdown); it reaches the feed and the store.</param>
    /// <returns>How many events were saved.</returns>
    /// <remarks>
    /// The feed is never buffered: event n is saved before event n + 1 is asked for. The feed is disposed whenever the
    /// consumer stops: at the end, on the feed's error, on a store error and on cancellation. The idle timeout counts
    /// from the start and from each saved event; it cancels the token the feed received, so the feed must honour it.
    /// </remarks>
    /// <exception cref="TimeoutException">The feed sent nothing for <c>idleTimeout</c>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<int> ConsumeAsync(IAsyncEnumerable<ShipmentEvent> feed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        using var idle = new CancellationTokenSource(idleTimeout, clock);
        using var feedCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        var saved = 0;
        try
        {
            await foreach (var shipmentEvent in feed.WithCancellation(feedCancellation.Token))
            {
                idle.CancelAfter(Timeout.InfiniteTimeSpan); // a slow store is not an idle feed
                await store.SaveAsync(shipmentEvent, cancellationToken);
                saved++;
                idle.CancelAfter(idleTimeout);
            }
        }
        catch (OperationCanceledException ex) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The shipment feed sent nothing for {idleTimeout.TotalSeconds:0.###} s; gave up after {saved} event(s).", ex);
        }

        return saved;
    }
}
