namespace ConsumerService;

/// <summary>Saves events in memory after a latency on the given clock, and records when each save finished.</summary>
/// <param name="clock">The clock the latency runs on.</param>
/// <param name="latency">How long each save takes.</param>
public sealed class FakeShipmentStore(TimeProvider clock, TimeSpan latency) : IShipmentStore
{
    private readonly List<(TimeSpan At, ShipmentEvent Event)> _saved = [];
    private readonly long _start = clock.GetTimestamp();

    /// <summary>Gets every saved event and when its save finished, measured from the store's creation.</summary>
    public IReadOnlyList<(TimeSpan At, ShipmentEvent Event)> Saved => _saved;

    /// <summary>Gets or sets the shipment whose save fails with <see cref="InvalidOperationException"/>; none when null.</summary>
    public string? FailOn { get; set; }

    /// <inheritdoc />
    public async Task SaveAsync(ShipmentEvent shipmentEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipmentEvent);
        await Task.Delay(latency, clock, cancellationToken);
        if (shipmentEvent.ShipmentId == FailOn)
        {
            throw new InvalidOperationException($"Cannot save {shipmentEvent.ShipmentId}: unique constraint violated.");
        }

        _saved.Add((clock.GetElapsedTime(_start), shipmentEvent));
    }
}
