using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A fake paged API: <c>FetchAsync(offset, limit)</c> returns up to <c>limit</c> rows, after a round trip.</summary>
internal sealed class FakeRowsApi(TimeProvider clock, int total)
{
    public async Task<IReadOnlyList<int>> FetchAsync(int offset, int limit, CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(100), clock, ct);
        return Enumerable.Range(offset + 1, Math.Max(0, Math.Min(limit, total - offset))).ToArray();
    }
}

/// <summary>A producer that streams every row of a paged API.</summary>
internal static class RowPager
{
    /// <summary>Bug: decides a short page means "no more rows" before yielding it, so the last, partial page is lost.</summary>
    public static async IAsyncEnumerable<int> BuggyAsync(FakeRowsApi api, int pageSize, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var offset = 0; ; offset += pageSize)
        {
            var page = await api.FetchAsync(offset, pageSize, ct);
            if (page.Count < pageSize)
            {
                yield break;
            }

            foreach (var row in page)
            {
                yield return row;
            }
        }
    }

    /// <summary>Twin: yields every page, then stops after a short one.</summary>
    public static async IAsyncEnumerable<int> TwinAsync(FakeRowsApi api, int pageSize, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var offset = 0; ; offset += pageSize)
        {
            var page = await api.FetchAsync(offset, pageSize, ct);
            foreach (var row in page)
            {
                yield return row;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }
        }
    }
}

public sealed class LastPageDroppedTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "off-by-one paging",
        """
        var page = await api.FetchAsync(offset, pageSize, ct);
        if (page.Count < pageSize) yield break;     // the short last page is never yielded
        foreach (var row in page) yield return row;
        """,
        """
        Expected 5 items, but received [1, 2, 3, 4], then "rows" completed after 4 items.
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator  token: cancellable
          00:00.100  #1 MoveNextAsync -> 1
          00:00.100  #1 MoveNextAsync -> 2
          00:00.200  #1 MoveNextAsync -> 3
          00:00.200  #1 MoveNextAsync -> 4
          00:00.300  #1 MoveNextAsync -> completed      <- expected an item
          00:00.300  #1 DisposeAsync
        """);

    [Fact]
    public async Task Twin_FiveRowsInPagesOfTwo_Passes()
    {
        var clock = new VirtualClock();
        await using var reader = RowPager.TwinAsync(new FakeRowsApi(clock, 5), 2).OpenReader(clock, new() { Name = "rows" });

        Assert.Equal([1, 2, 3, 4, 5], await reader.AwaitItemsAsync(5));
        await reader.AwaitCompletionAsync();
    }

    [Fact]
    public async Task Bug_FiveRowsInPagesOfTwo_FailsNamingTheCause()
    {
        var clock = new VirtualClock();
        await using var reader = RowPager.BuggyAsync(new FakeRowsApi(clock, 5), 2).OpenReader(clock, new() { Name = "rows" });

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(() => reader.AwaitItemsAsync(5));

        Assert.Equal(
            Gallery.Message,
            ex.Message);
    }
}
