using System.Runtime.CompilerServices;

namespace MergingFeeds;

/// <summary>Holds one price quote.</summary>
/// <param name="Venue">The exchange that sent it.</param>
/// <param name="Price">The price.</param>
public sealed record Quote(string Venue, decimal Price);

/// <summary>Plays quotes at given virtual times and writes what happens to it into a shared log.</summary>
/// <param name="name">The feed's name in the log.</param>
/// <param name="clock">The clock the gaps run on.</param>
/// <param name="log">The log shared by the feeds of a test.</param>
/// <param name="quotes">When each quote arrives (seconds from the start of the enumeration) and its price.</param>
public sealed class QuoteFeed(string name, TimeProvider clock, List<string> log, params (double AtSeconds, decimal Price)[] quotes) : IAsyncEnumerable<Quote>
{
    private int _pending;

    /// <summary>Gets the error thrown after the last quote; none when null.</summary>
    public Exception? ThenFail { get; init; }

    /// <summary>Gets the largest number of <c>MoveNextAsync</c> calls that were pending at once.</summary>
    public int MaxPendingMoveNext { get; private set; }

    /// <inheritdoc />
    public IAsyncEnumerator<Quote> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new Enumerator(this, Play(cancellationToken).GetAsyncEnumerator(cancellationToken));

    private async IAsyncEnumerable<Quote> Play([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = clock.GetTimestamp();
        foreach (var (at, price) in quotes)
        {
            var wait = TimeSpan.FromSeconds(at) - clock.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }

            yield return new Quote(name, price);
        }

        if (ThenFail is not null)
        {
            throw ThenFail;
        }
    }

    private sealed class Enumerator(QuoteFeed feed, IAsyncEnumerator<Quote> inner) : IAsyncEnumerator<Quote>
    {
        public Quote Current => inner.Current;

        public async ValueTask<bool> MoveNextAsync()
        {
            feed.MaxPendingMoveNext = Math.Max(feed.MaxPendingMoveNext, ++feed._pending);
            try
            {
                return await inner.MoveNextAsync();
            }
            finally
            {
                feed._pending--;
            }
        }

        public async ValueTask DisposeAsync()
        {
            feed.Log.Add($"{feed.Name} disposed");
            await inner.DisposeAsync();
        }
    }

    private string Name => name;

    private List<string> Log => log;
}
