namespace ConsumerService.Broken;

/// <summary>Copies the feed into the store like <see cref="ShipmentFeedConsumer"/>, but reads the whole feed first.</summary>
/// <remarks>
/// The bug this suite catches: <c>ToListAsync</c> before the loop. Every test that only checks "all events were
/// saved" passes; in production nothing is saved until the feed ends (for a live feed: never), and memory grows
/// with the feed.
/// </remarks>
/// <param name="store">Where events go.</param>
public sealed class BufferingFeedConsumer(IShipmentStore store)
{
    /// <summary>Reads the whole feed, then saves every event.</summary>
    /// <param name="feed">The carrier's feed.</param>
    /// <param name="cancellationToken">Stops the consumer.</param>
    /// <returns>How many events were saved.</returns>
    public async Task<int> ConsumeAsync(IAsyncEnumerable<ShipmentEvent> feed, CancellationToken cancellationToken = default)
    {
        var events = await feed.ToListAsync(cancellationToken); // BUG: buffers the whole stream.
        foreach (var shipmentEvent in events)
        {
            await store.SaveAsync(shipmentEvent, cancellationToken);
        }

        return events.Count;
    }
}
