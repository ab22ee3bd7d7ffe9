using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A pager that fetches pages of three rows.</summary>
internal static class RowPages
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(100);

    /// <summary>Bug: checks the token only when it fetches, so the rest of a page fetched before the cancel still comes.</summary>
    public static async IAsyncEnumerable<int> BuggyAsync(TimeProvider clock, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var page = 0; page < 3; page++)
        {
            await Task.Delay(Latency, clock, ct);
            foreach (var row in Enumerable.Range((page * 3) + 1, 3))
            {
                yield return row;
            }
        }
    }

    /// <summary>Twin: checks the token before each row it yields, also rows already in memory.</summary>
    public static async IAsyncEnumerable<int> TwinAsync(TimeProvider clock, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var page = 0; page < 3; page++)
        {
            await Task.Delay(Latency, clock, ct);
            foreach (var row in Enumerable.Range((page * 3) + 1, 3))
            {
                ct.ThrowIfCancellationRequested();
                yield return row;
            }
        }
    }
}

public sealed class PageInMemoryAfterCancelTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "items after cancellation (a page already in memory)",
        """
        await Task.Delay(Latency, clock, ct);                  // the token is checked only here
        foreach (var row in await FetchPageAsync(page, ct))
            yield return row;                                  // no ct.ThrowIfCancellationRequested() before each row
        """,
        """
        Expected rows to stop when its token is cancelled after 1 item, but after the token was cancelled at 00:00.100, it yielded another item: item [1] was 2. HonorCancellation(afterItems) is strict: the MoveNextAsync after the cancel must end, even when its item is already in memory (the rest of a page fetched before the cancel); check the token before each yield return (ct.ThrowIfCancellationRequested()).
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator  token: cancellable
          00:00.100  #1 MoveNextAsync -> 1
          00:00.100  #1 token canceled
          00:00.100  #1 MoveNextAsync -> 2      <- expected OperationCanceledException
          00:00.100  #1 DisposeAsync
        """);

    [Fact]
    public async Task Twin_CanceledAfterFirstRow_Passes()
    {
        var clock = new VirtualClock();

        await RowPages.TwinAsync(clock).Should(clock, "rows").HonorCancellation(afterItems: 1);
    }

    [Fact]
    public async Task Bug_CanceledAfterFirstRow_FailsNamingTheCause()
    {
        var clock = new VirtualClock();

        var message = await CatalogueFailure.Of(() => RowPages.BuggyAsync(clock).Should(clock, "rows").HonorCancellation(afterItems: 1));

        Assert.Equal(Gallery.Message.ReplaceLineEndings(), message);
    }
}
