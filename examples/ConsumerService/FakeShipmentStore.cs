using AsyncEnumTesting;

namespace ConsumerService;

/// <summary>Saves events in memory after a latency on the timeline's clock, and marks each save on the timeline.</summary>
/// <param name="timeline">The test's timeline: each finished save appends the mark <c>saved {shipment} {status}</c>.</param>
/// <param name="latency">How long each save takes.</param>
public sealed class FakeShipmentStore(Timeline timeline, TimeSpan latency) : IShipmentStore
{
    private readonly List<ShipmentEvent> _saved = [];

    /// <summary>Gets every saved event, in order.</summary>
    public IReadOnlyList<ShipmentEvent> Saved => _saved;

    /// <summary>Gets or sets the shipment whose save fails with <see cref="InvalidOperationException"/>; none when null.</summary>
    public string? FailOn { get; set; }

    /// <inheritdoc />
    public async Task SaveAsync(ShipmentEvent shipmentEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipmentEvent);
        await Task.Delay(latency, timeline.Clock, cancellationToken);
        if (shipmentEvent.ShipmentId == FailOn)
        {
            throw new InvalidOperationException($"Cannot save {shipmentEvent.ShipmentId}: unique constraint violated.");
        }

        _saved.Add(shipmentEvent);
        timeline.Mark($"saved {shipmentEvent.ShipmentId} {shipmentEvent.Status}");
    }
}
