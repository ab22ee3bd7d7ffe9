namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A fake database connection that marks on the timeline when it is closed.</summary>
internal sealed class FakeConnection(Timeline timeline) : IAsyncDisposable
{
    public List<int> Written { get; } = [];

    public ValueTask WriteAsync(int row)
    {
        Written.Add(row);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        timeline.Mark("connection closed");
        return ValueTask.CompletedTask;
    }
}

/// <summary>A consumer that copies the first rows of a stream over a connection it owns.</summary>
internal static class RowCopier
{
    /// <summary>Bug: its cleanup closes the connection first, while the stream (a cursor on that connection) is still open.</summary>
    public static async Task CopyFirstBuggyAsync(IAsyncEnumerable<int> rows, FakeConnection connection, int count, CancellationToken ct = default)
    {
        var enumerator = rows.GetAsyncEnumerator(ct);
        try
        {
            for (var i = 0; i < count && await enumerator.MoveNextAsync(); i++)
            {
                await connection.WriteAsync(enumerator.Current);
            }
        }
        finally
        {
            await connection.DisposeAsync();
            await enumerator.DisposeAsync();
        }
    }

    /// <summary>Twin: disposes the stream first, then closes the connection.</summary>
    public static async Task CopyFirstTwinAsync(IAsyncEnumerable<int> rows, FakeConnection connection, int count, CancellationToken ct = default)
    {
        await using (connection)
        {
            await foreach (var row in rows.WithCancellation(ct))
            {
                await connection.WriteAsync(row);
                if (connection.Written.Count == count)
                {
                    break;
                }
            }
        }
    }
}

public sealed class DisposalOrderTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "disposal order",
        """
        finally
        {   await connection.DisposeAsync();   // closes the connection under an open cursor
            await enumerator.DisposeAsync(); }
        """,
        """
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator  token: none
          00:00.010  #1 MoveNextAsync -> 1
          00:00.020  #1 MoveNextAsync -> 2
          00:00.020     mark "connection closed"
          00:00.020  #1 DisposeAsync
        """);

    [Fact]
    public async Task Twin_StopsAfterTwoRows_Passes()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var rows = Rows(clock).Probe(timeline, "rows");
        var connection = new FakeConnection(timeline);

        await VirtualTime.RunAsync(clock, _ => RowCopier.CopyFirstTwinAsync(rows, connection, 2));

        Assert.Equal([1, 2], connection.Written);
        Assert.True(timeline.HappenedBefore(IsRowsDisposed, IsConnectionClosed));
    }

    [Fact]
    public async Task Bug_StopsAfterTwoRows_FailsNamingTheCause()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var rows = Rows(clock).Probe(timeline, "rows");
        var connection = new FakeConnection(timeline);

        await VirtualTime.RunAsync(clock, _ => RowCopier.CopyFirstBuggyAsync(rows, connection, 2));

        Assert.Equal([1, 2], connection.Written);
        Assert.False(timeline.HappenedBefore(IsRowsDisposed, IsConnectionClosed));
        Assert.Equal(
            Gallery.Message,
            timeline.Render());
    }

    private static bool IsRowsDisposed(TimelineEvent e) => e is { Source: "rows", Kind: TimelineEventKind.Disposed };

    private static bool IsConnectionClosed(TimelineEvent e) => e is { Kind: TimelineEventKind.Mark, Value: "connection closed" };

    private static ScriptedSequence<int> Rows(VirtualClock clock) =>
        FakeSequence.Script<int>(clock).Wait(TimeSpan.FromMilliseconds(10)).Yield(1).Wait(TimeSpan.FromMilliseconds(10)).Yield(2, 3).Complete();
}
