using System.Runtime.CompilerServices;

namespace PagingClient.Broken;

/// <summary>Reads orders page by page like <see cref="OrderPager"/>, but never checks the token between the orders of a page.</summary>
/// <remarks>
/// The bug this suite catches: <c>[EnumeratorCancellation]</c> does not make an async iterator stop by itself; only the
/// awaits that receive the token throw. Orders already on the page keep coming after the consumer cancelled.
/// </remarks>
/// <param name="api">The paged API.</param>
/// <param name="pageSize">How many orders to ask for per page.</param>
public sealed class UncheckedOrderPager(IOrderApi api, int pageSize = 100)
{
    /// <summary>Yields every order, in order; cancellation is only seen by the next page call.</summary>
    /// <param name="cancellationToken">Cancels the page calls (and nothing else: the bug).</param>
    /// <returns>The orders of all pages.</returns>
    public async IAsyncEnumerable<Order> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? pageToken = null;
        do
        {
            var page = await api.GetPageAsync(pageToken, pageSize, cancellationToken);
            foreach (var order in page.Orders)
            {
                yield return order; // BUG: no cancellationToken.ThrowIfCancellationRequested() here.
            }

            pageToken = page.NextPageToken;
        }
        while (pageToken is not null);
    }
}
