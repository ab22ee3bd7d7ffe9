namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A consumer that copies the first rows of a cursor, then closes the connection the cursor reads.</summary>
internal static class CursorCopy
{
    /// <summary>Bug: closes the connection first, while the cursor on it is still open.</summary>
    public static async Task BuggyAsync(IAsyncEnumerable<int> rows, Timeline timeline, int count)
    {
        var enumerator = rows.GetAsyncEnumerator();
        try
        {
            for (var i = 0; i < count && await enumerator.MoveNextAsync(); i++)
            {
                timeline.Mark($"wrote {enumerator.Current}");
            }
        }
        finally
        {
            timeline.Mark("connection closed");
            await enumerator.DisposeAsync();
        }
    }

    /// <summary>Twin: disposes the cursor, then closes its connection.</summary>
    public static async Task TwinAsync(IAsyncEnumerable<int> rows, Timeline timeline, int count)
    {
        await using (var enumerator = rows.GetAsyncEnumerator())
        {
            for (var i = 0; i < count && await enumerator.MoveNextAsync(); i++)
            {
                timeline.Mark($"wrote {enumerator.Current}");
            }
        }

        timeline.Mark("connection closed");
    }
}

public sealed class DisposalOrderTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "disposal order",
        """
        finally { await connection.DisposeAsync(); await enumerator.DisposeAsync(); }   // closes the connection under an open cursor
        timeline.Should().HaveInOrder(e => e.Source == "rows" && e.Kind == TimelineEventKind.Disposed,
                                      e => e.Kind == TimelineEventKind.Mark && Equals(e.Value, "connection closed"));
        """,
        """
        Expected timeline to have 2 events in order, but condition [1] matched only mark "connection closed" at 00:00.020, which came before the event condition [0] matched (#1 DisposeAsync at 00:00.020): these happened in the other order.
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator  token: none
          00:00.010  #1 MoveNextAsync -> 1
          00:00.010     mark "wrote 1"
          00:00.020  #1 MoveNextAsync -> 2
          00:00.020     mark "wrote 2"
          00:00.020     mark "connection closed"      <- [1] matched here, before [0]
          00:00.020  #1 DisposeAsync      <- [0] matched here
        """);

    [Fact]
    public async Task Twin_TwoRows_Passes()
    {
        var (clock, timeline, rows) = Arrange();

        await VirtualTime.RunAsync(clock, _ => CursorCopy.TwinAsync(rows, timeline, 2));

        timeline.Should().HaveInOrder(e => e.Source == "rows" && e.Kind == TimelineEventKind.Disposed, e => e.Kind == TimelineEventKind.Mark && Equals(e.Value, "connection closed"));
    }

    [Fact]
    public async Task Bug_TwoRows_FailsNamingTheCause()
    {
        var (clock, timeline, rows) = Arrange();
        await VirtualTime.RunAsync(clock, _ => CursorCopy.BuggyAsync(rows, timeline, 2));

        var message = CatalogueFailure.Of(
            () => timeline.Should().HaveInOrder(e => e.Source == "rows" && e.Kind == TimelineEventKind.Disposed, e => e.Kind == TimelineEventKind.Mark && Equals(e.Value, "connection closed")));

        Assert.Equal(Gallery.Message.ReplaceLineEndings(), message);
    }

    private static (VirtualClock Clock, Timeline Timeline, Probe<int> Rows) Arrange()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var step = TimeSpan.FromMilliseconds(10);
        return (clock, timeline, FakeSequence.Script<int>(clock).Wait(step).Yield(1).Wait(step).Yield(2, 3).Complete().Probe(timeline, "rows"));
    }
}
