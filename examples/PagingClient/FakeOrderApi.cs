namespace PagingClient;

/// <summary>Serves orders 1..<c>orderCount</c> in pages, each call taking <c>latency</c> of virtual time.</summary>
/// <remarks>A test double: it records every call so tests can check the page tokens and the cancellation token.</remarks>
/// <param name="clock">The clock the latency runs on (a <c>VirtualClock</c> in tests).</param>
/// <param name="orderCount">How many orders the service holds.</param>
/// <param name="latency">How long each page call takes.</param>
public sealed class FakeOrderApi(TimeProvider clock, int orderCount, TimeSpan latency) : IOrderApi
{
    private readonly List<PageCall> _calls = [];

    /// <summary>Gets every page call so far, in order.</summary>
    public IReadOnlyList<PageCall> Calls => _calls;

    /// <summary>Gets or sets the page token whose call fails with <see cref="HttpRequestException"/>; none when null.</summary>
    public string? FailOnPageToken { get; set; }

    /// <inheritdoc />
    public async Task<OrderPage> GetPageAsync(string? pageToken, int pageSize, CancellationToken cancellationToken)
    {
        _calls.Add(new PageCall(pageToken, cancellationToken));
        await Task.Delay(latency, clock, cancellationToken);
        if (pageToken is not null && pageToken == FailOnPageToken)
        {
            throw new HttpRequestException($"GET /orders?pageToken={pageToken} failed: 503 Service Unavailable");
        }

        var first = pageToken is null ? 1 : int.Parse(pageToken, System.Globalization.CultureInfo.InvariantCulture);
        var last = Math.Min(first + pageSize - 1, orderCount);
        var orders = Enumerable.Range(first, Math.Max(0, last - first + 1))
            .Select(id => new Order(id, $"customer-{id % 7}", id * 10m))
            .ToList();
        var next = last < orderCount ? (last + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new OrderPage(orders, next);
    }

    /// <summary>Records one call of <see cref="GetPageAsync"/>.</summary>
    /// <param name="PageToken">The token asked for.</param>
    /// <param name="Token">The cancellation token the pager passed.</param>
    public sealed record PageCall(string? PageToken, CancellationToken Token);
}
