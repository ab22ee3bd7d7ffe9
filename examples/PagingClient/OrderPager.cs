using System.Runtime.CompilerServices;

namespace PagingClient;

/// <summary>Holds one order as the order service returns it.</summary>
/// <param name="Id">The order's id; ids grow across pages.</param>
/// <param name="Customer">Who placed the order.</param>
/// <param name="Total">The order's total.</param>
public sealed record Order(int Id, string Customer, decimal Total);

/// <summary>Holds one page of orders and the token of the page after it.</summary>
/// <param name="Orders">The orders on this page, in id order.</param>
/// <param name="NextPageToken">The token to ask for the next page; <see langword="null"/> on the last page.</param>
public sealed record OrderPage(IReadOnlyList<Order> Orders, string? NextPageToken);

/// <summary>Fetches pages from the order service (an HTTP API in production, a fake in tests).</summary>
public interface IOrderApi
{
    /// <summary>Fetches one page of orders.</summary>
    /// <param name="pageToken">The token from the previous page, or <see langword="null"/> for the first page.</param>
    /// <param name="pageSize">How many orders the page holds at most.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    Task<OrderPage> GetPageAsync(string? pageToken, int pageSize, CancellationToken cancellationToken);
}

/// <summary>Reads every order from the order service, page by page, as one async stream.</summary>
/// <param name="api">The paged API.</param>
/// <param name="pageSize">How many orders to ask for per page.</param>
public sealed class OrderPager(IOrderApi api, int pageSize = 100)
{
    /// <summary>Yields every order, in order, fetching the next page only when the consumer gets to it.</summary>
    /// <param name="cancellationToken">Cancels the stream; it reaches every page call and is checked between orders.</param>
    /// <returns>The orders of all pages, in id order.</returns>
    /// <remarks>
    /// The token is checked between the orders of a page too: a page is already in memory, so without that check
    /// a cancelled stream would go on yielding up to <c>pageSize</c> orders.
    /// </remarks>
    public async IAsyncEnumerable<Order> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? pageToken = null;
        do
        {
            var page = await api.GetPageAsync(pageToken, pageSize, cancellationToken);
            foreach (var order in page.Orders)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return order;
            }

            pageToken = page.NextPageToken;
        }
        while (pageToken is not null);
    }
}
