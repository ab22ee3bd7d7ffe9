namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A sink that marks each write on the timeline, as a test's fake of a database or a socket would.</summary>
internal sealed class MarkingSink(Timeline timeline)
{
    public Task WriteAsync(int row)
    {
        timeline.Mark($"wrote {row}");
        return Task.CompletedTask;
    }
}

/// <summary>A consumer that copies rows to a sink.</summary>
internal static class RowCopy
{
    /// <summary>Bug: reads the whole stream into a list first, so nothing is written until the last row came (and memory grows with the stream).</summary>
    public static async Task BuggyAsync(IAsyncEnumerable<int> rows, MarkingSink sink, CancellationToken ct = default)
    {
        var all = await rows.ToListAsync(ct);
        foreach (var row in all)
        {
            await sink.WriteAsync(row);
        }
    }

    /// <summary>Twin: writes each row as it comes.</summary>
    public static async Task TwinAsync(IAsyncEnumerable<int> rows, MarkingSink sink, CancellationToken ct = default)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            await sink.WriteAsync(row);
        }
    }
}

public sealed class BufferingInsteadOfStreamingTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "buffering instead of streaming",
        """
        var all = await rows.ToListAsync(ct);          // waits for the last row before writing the first
        foreach (var row in all) await sink.WriteAsync(row);
        timeline.Should().HaveStreamed("rows");
        """,
        """
        Expected timeline to show "rows" streamed, a write after each item before the next MoveNextAsync, but after item [0] (#1 MoveNextAsync -> 1 at 00:00.100) the consumer called MoveNextAsync again before writing it; the first write after it came only with mark "wrote 1" at 00:00.300. It buffers (ToListAsync, or a list it fills first) instead of writing each item as it comes.
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator  token: none
          00:00.100  #1 MoveNextAsync -> 1      <- item [0]
          00:00.200  #1 MoveNextAsync -> 2      <- MoveNextAsync again, nothing written yet
          00:00.300  #1 MoveNextAsync -> 3
          00:00.300  #1 MoveNextAsync -> completed
          00:00.300  #1 DisposeAsync
          00:00.300     mark "wrote 1"
          00:00.300     mark "wrote 2"
          00:00.300     mark "wrote 3"
        """);

    [Fact]
    public async Task Twin_ThreeRows_Passes()
    {
        var (timeline, rows) = Arrange();

        var copy = () => RowCopy.TwinAsync(rows, new MarkingSink(timeline));
        await copy.Should(timeline).Complete();

        timeline.Should().HaveStreamed("rows");
    }

    [Fact]
    public async Task Bug_ThreeRows_FailsNamingTheCause()
    {
        var (timeline, rows) = Arrange();
        var copy = () => RowCopy.BuggyAsync(rows, new MarkingSink(timeline));
        await copy.Should(timeline).Complete();

        var message = CatalogueFailure.Of(() => timeline.Should().HaveStreamed("rows"));

        Assert.Equal(Gallery.Message.ReplaceLineEndings(), message);
    }

    private static (Timeline Timeline, Probe<int> Rows) Arrange()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var step = TimeSpan.FromMilliseconds(100);
        var rows = FakeSequence.Script<int>(clock).Wait(step).Yield(1).Wait(step).Yield(2).Wait(step).Yield(3).Complete().Probe(timeline, "rows");
        return (timeline, rows);
    }
}
