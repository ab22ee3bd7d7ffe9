namespace AsyncEnumTesting.Testing;

/// <summary>A test body whose failure message shows one of its clock's two timelines: what a framework attribute writes to
/// the output when such a test fails.</summary>
/// <remarks>Linked into the core's and the framework packages' test projects (tests/Shared), so that each runs the same body
/// (the frameworks through their attribute) and expects the same words.</remarks>
internal static class ShipmentsBody
{
    /// <summary>Gets the reader's failure: it shows the shipments' timeline.</summary>
    public static string Failure { get; } = """
        Expected "shipments" to complete, but "shipments" yielded 'a'.
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator  token: cancellable
          00:01.000  #1 MoveNextAsync -> 'a'      <- expected the completion
        """.ReplaceLineEndings();

    /// <summary>Gets the timeline the failure does not show, as the attribute writes it to the output.</summary>
    public static string OrdersTimeline { get; } = """
        Timeline (virtual time):
          00:00.000  mark "order placed"
        """.ReplaceLineEndings();

    /// <summary>Marks an order on one timeline, then reads a shipment where it expects the shipments to complete.</summary>
    public static async Task RunAsync(VirtualClock clock)
    {
        new Timeline(clock).Mark("order placed");
        var shipments = FakeSequence.FromMarbles(clock, "-a|", frame: TimeSpan.FromSeconds(1)).Probe(new Timeline(clock), "shipments");
        await using var reader = shipments.OpenReader(clock);
        await reader.AwaitCompletionAsync();
    }
}
