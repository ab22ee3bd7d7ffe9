using System.Runtime.CompilerServices;

namespace MergingFeeds;

/// <summary>Holds one price quote.</summary>
/// <param name="Venue">The exchange that sent it.</param>
/// <param name="Price">The price.</param>
public sealed record Quote(string Venue, decimal Price)
{
    /// <summary>Returns the quote as <c>venue@price</c>, short enough for a rendered timeline.</summary>
    /// <returns>For example <c>nyse@10</c>.</returns>
    public override string ToString() => $"{Venue}@{Price.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>Plays an exchange's quotes at given virtual times (a stand-in for a websocket feed).</summary>
public static class QuoteFeed
{
    /// <summary>Yields each quote at its time (seconds from the first <c>MoveNextAsync</c>), then completes or throws <paramref name="thenFail"/>.</summary>
    /// <param name="clock">The clock the gaps run on.</param>
    /// <param name="venue">The exchange's name.</param>
    /// <param name="quotes">When each quote arrives and its price.</param>
    /// <param name="thenFail">The error after the last quote; none when null.</param>
    /// <param name="cancellationToken">Cancels the wait for the next quote.</param>
    /// <returns>The quotes.</returns>
    public static async IAsyncEnumerable<Quote> Play(
        TimeProvider clock,
        string venue,
        (double AtSeconds, decimal Price)[] quotes,
        Exception? thenFail = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(quotes);
        var start = clock.GetTimestamp();
        foreach (var (at, price) in quotes)
        {
            var wait = TimeSpan.FromSeconds(at) - clock.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }

            yield return new Quote(venue, price);
        }

        if (thenFail is not null)
        {
            throw thenFail;
        }
    }
}
