using System.Diagnostics;
using System.Globalization;

#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <summary>Bounds a search through a source's items (<c>YieldEventually</c>, <c>ContainInOrder</c>) as a whole.</summary>
/// <remarks>
/// Each wait for the next item is bounded by the <see cref="Pacing"/> already; an endless source that never yields what
/// the search looks for needs a bound for the whole search too, or the assertion reads it for ever. The search gets the
/// same limit as one wait (1 h of virtual time, 5 s of real time by default), counted from its start, and at most
/// <see cref="Enumeration{T}.MaxItems"/> items.
/// </remarks>
internal sealed class SearchLimit
{
    private readonly Pacing _pacing;
    private readonly TimeSpan? _virtualStart;
    private readonly long _realStart;

    /// <summary>Starts counting now.</summary>
    public SearchLimit(Pacing pacing)
    {
        _pacing = pacing;
        _virtualStart = pacing.Now;
        _realStart = Stopwatch.GetTimestamp();
    }

    /// <summary>Says how the search overran its bounds after <paramref name="items"/> items, as in "it yielded 61 items
    /// over …", or returns <see langword="null"/> while it has not.</summary>
    public string? Overrun<T>(int items)
    {
        var yielded = string.Create(CultureInfo.InvariantCulture, $"it yielded {items:N0} items");
        if (items >= Enumeration<T>.MaxItems)
        {
            return yielded;
        }

        if (_pacing.Now is { } now)
        {
            var spent = now - _virtualStart!.Value;
            return spent > _pacing.Limit
                ? $"{yielded} over {TimeFormat.Elapsed(spent)} of virtual time (the limit for a search is {TimeFormat.Elapsed(_pacing.Limit)})"
                : null;
        }

        return Stopwatch.GetElapsedTime(_realStart) > _pacing.Limit
            ? $"{yielded} over more than {TimeFormat.RealSeconds(_pacing.Limit)} of real time (the limit for a search)"
            : null;
    }
}
