using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A client that pages through orders.</summary>
internal sealed class PageClient(TimeProvider clock)
{
    public int Fetches { get; private set; }

    /// <summary>Bug: not an iterator; it starts the first request when called, before anyone enumerates.</summary>
    public IAsyncEnumerable<int> GetOrdersBuggy(CancellationToken ct = default)
    {
        var first = FetchAsync(0, ct);
        return ReadAsync(first, ct);
    }

    /// <summary>Twin: an iterator; nothing runs before the first <c>MoveNextAsync</c>.</summary>
    public async IAsyncEnumerable<int> GetOrdersTwin([EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var order in await FetchAsync(0, ct))
        {
            yield return order;
        }
    }

    private async IAsyncEnumerable<int> ReadAsync(Task<int[]> first, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var order in await first)
        {
            yield return order;
        }
    }

    private async Task<int[]> FetchAsync(int page, CancellationToken ct)
    {
        Fetches++;
        await Task.Delay(TimeSpan.FromMilliseconds(100), clock, ct);
        return [(page * 2) + 1, (page * 2) + 2];
    }
}

public sealed class EagerWorkTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "eager work",
        """
        public IAsyncEnumerable<int> GetOrders(CancellationToken ct = default)
        {   var first = FetchAsync(0, ct);   // runs when called, before any MoveNextAsync
            return ReadAsync(first, ct); }
        """,
        """
        Expected orders to be lazy, doing nothing observable before the first MoveNextAsync, but the producer had already started before GetAsyncEnumerator: the call that created the sequence ran it eagerly.
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator  token: cancellable      <- already started
          00:00.000  #1 DisposeAsync
        """);

    [Fact]
    public async Task Twin_Enumerated_Passes()
    {
        var clock = new VirtualClock();
        var client = new PageClient(clock);

        await client.GetOrdersTwin().Should(clock, "orders").BeLazy(() => client.Fetches > 0);
    }

    [Fact]
    public async Task Bug_Enumerated_FailsNamingTheCause()
    {
        var clock = new VirtualClock();
        var client = new PageClient(clock);

        var message = await CatalogueFailure.Of(() => client.GetOrdersBuggy().Should(clock, "orders").BeLazy(() => client.Fetches > 0));

        Assert.Equal(Gallery.Message.ReplaceLineEndings(), message);
    }
}
