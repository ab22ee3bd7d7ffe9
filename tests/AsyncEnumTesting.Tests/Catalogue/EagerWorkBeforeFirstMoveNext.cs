using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A fake paged API that marks on the timeline when a page is requested.</summary>
internal sealed class FakeOrdersApi(TimeProvider clock, Timeline timeline)
{
    private static readonly int[][] Pages = [[1, 2], [3]];

    public async Task<IReadOnlyList<int>> FetchPageAsync(int page, CancellationToken ct)
    {
        timeline.Mark("fetch page " + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Task.Delay(TimeSpan.FromMilliseconds(100), clock, ct);
        return page < Pages.Length ? Pages[page] : [];
    }
}

/// <summary>A client that streams every order, page by page.</summary>
internal sealed class OrdersClient(FakeOrdersApi api)
{
    /// <summary>Bug: not an iterator; starts the first request when called, before anyone enumerates (or even if nobody does).</summary>
    public IAsyncEnumerable<int> GetOrdersBuggy(CancellationToken ct = default)
    {
        var firstPage = api.FetchPageAsync(0, ct);
        return ReadAsync(firstPage, ct);
    }

    /// <summary>Twin: an iterator, so nothing runs before the first <c>MoveNextAsync</c>.</summary>
    public async IAsyncEnumerable<int> GetOrdersTwin([EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var page = 0; ; page++)
        {
            var items = await api.FetchPageAsync(page, ct);
            if (items.Count == 0)
            {
                yield break;
            }

            foreach (var item in items)
            {
                yield return item;
            }
        }
    }

    private async IAsyncEnumerable<int> ReadAsync(Task<IReadOnlyList<int>> firstPage, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var items = await firstPage;
        for (var page = 1; items.Count > 0; page++)
        {
            foreach (var item in items)
            {
                yield return item;
            }

            items = await api.FetchPageAsync(page, ct);
        }
    }
}

public sealed class EagerWorkBeforeFirstMoveNextTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "eager work",
        """
        public IAsyncEnumerable<int> GetOrders(CancellationToken ct = default)
        {   var firstPage = api.FetchPageAsync(0, ct);   // runs when called, before any MoveNextAsync
            return ReadAsync(firstPage, ct); }
        """,
        """
        Timeline (virtual time):
          00:00.000     mark "fetch page 0"
          00:00.000     mark "query built"
          00:00.000  #1 GetAsyncEnumerator  token: none
          00:00.100  #1 MoveNextAsync -> 1
          00:00.100  #1 MoveNextAsync -> 2
          00:00.100  #1 MoveNextAsync started
          00:00.100     mark "fetch page 1"
          00:00.200  #1 MoveNextAsync -> 3
          00:00.200  #1 MoveNextAsync started
          00:00.200     mark "fetch page 2"
          00:00.300  #1 MoveNextAsync -> completed
          00:00.300  #1 DisposeAsync
        """);

    [Fact]
    public async Task Twin_QueryBuiltThenEnumerated_Passes()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var client = new OrdersClient(new FakeOrdersApi(clock, timeline));

        var orders = client.GetOrdersTwin().Probe(timeline, "orders");
        timeline.Mark("query built");
        var items = await VirtualTime.RunAsync(clock, async _ => await orders.ToListAsync());

        Assert.Equal([1, 2, 3], items);
        Assert.True(timeline.HappenedBefore(IsFirstMoveNext, IsMark("fetch page 0")));
    }

    [Fact]
    public async Task Bug_QueryBuiltThenEnumerated_FailsNamingTheCause()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var client = new OrdersClient(new FakeOrdersApi(clock, timeline));

        var orders = client.GetOrdersBuggy().Probe(timeline, "orders");
        timeline.Mark("query built");
        var items = await VirtualTime.RunAsync(clock, async _ => await orders.ToListAsync());

        Assert.Equal([1, 2, 3], items);
        Assert.False(timeline.HappenedBefore(IsFirstMoveNext, IsMark("fetch page 0")));
        Assert.Equal(
            Gallery.Message,
            timeline.Render());
    }

    private static bool IsFirstMoveNext(TimelineEvent e) => e is { Source: "orders", Kind: TimelineEventKind.MoveNextStarted };

    private static Func<TimelineEvent, bool> IsMark(string label) =>
        e => e.Kind == TimelineEventKind.Mark && string.Equals(e.Value as string, label, StringComparison.Ordinal);
}
