using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace AsyncEnumTesting;

/// <content>Awaiting items: one, several, the first that matches, or skipping some.</content>
public sealed partial class AsyncSequenceReader<T>
{
    /// <summary>How many items a search for a matching item skips at most.</summary>
    private const int MaxSkipped = 100_000;

    /// <summary>Waits for the next event and returns it when it is an item.</summary>
    /// <returns>The item.</returns>
    /// <exception cref="AsyncSequenceAssertionException">The sequence ended, failed, or yielded nothing within the timeouts.</exception>
    /// <exception cref="InvalidOperationException">Another call on this reader is still running.</exception>
    /// <exception cref="ObjectDisposedException">The reader is disposed.</exception>
    [StackTraceHidden]
    public async Task<T> AwaitItemAsync()
    {
        using var scope = Enter(nameof(AwaitItemAsync));
        if (_hasReady)
        {
            // The item the source had ready: nothing to wait for, no wait to set up.
            return Take().Item!;
        }

        var e = await PeekAsync("an item");
        if (e.Kind != ReaderEventKind.Item)
        {
            throw Fail("an item", Came(e), e.Error, at: (e, "expected an item"));
        }

        return Take().Item!;
    }

    /// <summary>Waits for the next <paramref name="count"/> events and returns them when they are all items.</summary>
    /// <param name="count">How many items to await; zero returns an empty list at once.</param>
    /// <returns>The items, in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="AsyncSequenceAssertionException">The sequence ended, failed, or went silent before <paramref name="count"/> items.</exception>
    /// <exception cref="InvalidOperationException">Another call on this reader is still running.</exception>
    /// <exception cref="ObjectDisposedException">The reader is disposed.</exception>
    /// <remarks>Each item has its own timeouts, measured from the previous one.</remarks>
    [StackTraceHidden]
    public async Task<IReadOnlyList<T>> AwaitItemsAsync(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        using var scope = Enter(nameof(AwaitItemsAsync));
        var expected = count == 1 ? "1 item" : string.Create(CultureInfo.InvariantCulture, $"{count} items");
        return await TakeItemsAsync(count, expected, "received");
    }

    /// <summary>Consumes items until one matches <paramref name="predicate"/> and returns it.</summary>
    /// <param name="predicate">The condition the awaited item meets.</param>
    /// <param name="predicateText">How messages show the condition; the caller's expression by default.</param>
    /// <returns>The first matching item.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is <see langword="null"/>.</exception>
    /// <exception cref="AsyncSequenceAssertionException">The sequence ended, failed, or went silent first; the message names the skipped items.</exception>
    /// <exception cref="InvalidOperationException">Another call on this reader is still running.</exception>
    /// <exception cref="ObjectDisposedException">The reader is disposed.</exception>
    /// <remarks>
    /// Each item has its own timeouts, measured from the previous one, and the whole search is bounded too: it fails once the
    /// items it skipped took longer than <see cref="AsyncSequenceReaderOptions.VirtualTimeLimit"/> of virtual time (with a
    /// clock) or <see cref="AsyncSequenceReaderOptions.RealTimeLimit"/> of real time (without one), or after
    /// 100,000 skipped items, so an endless source that never matches cannot keep it waiting for ever.
    /// </remarks>
    [StackTraceHidden]
    public async Task<T> AwaitItemMatchingAsync(Func<T, bool> predicate, [CallerArgumentExpression(nameof(predicate))] string? predicateText = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var scope = Enter(nameof(AwaitItemMatchingAsync));
        var expected = "an item matching " + (predicateText ?? "the predicate");
        var skipped = new List<T>();
        var virtualStart = _clock?.Elapsed;
        var realStart = Stopwatch.GetTimestamp();
        while (true)
        {
            var e = await PeekAsync(expected);
            if (e.Kind != ReaderEventKind.Item)
            {
                var actual = skipped.Count == 0 ? Came(e) : $"skipped {ReaderText.Values(skipped)}, then {Came(e)}";
                throw Fail(expected, actual, e.Error, at: (e, "expected an item"));
            }

            var item = Take().Item!;
            if (predicate(item))
            {
                return item;
            }

            skipped.Add(item);
            if (SearchOverrun(skipped.Count, virtualStart, realStart) is { } overrun)
            {
                var actual = string.Create(CultureInfo.InvariantCulture, $"skipped {skipped.Count:N0} items {overrun} without one matching (the last: {ValueFormat.Format(item)})");
                throw Fail(expected, actual, at: (e, "still no match"));
            }
        }
    }

    /// <summary>Says how a search for a matching item overran its bounds, or returns <see langword="null"/> while it has not.</summary>
    /// <remarks>Each wait for the next item is bounded already; an endless source that never matches needs a bound for the whole search.</remarks>
    private string? SearchOverrun(int skipped, TimeSpan? virtualStart, long realStart)
    {
        if (skipped >= MaxSkipped)
        {
            return "in a row";
        }

        if (_clock?.Elapsed - virtualStart is { } spent)
        {
            return spent > _options.VirtualTimeLimit
                ? $"over {TimeFormat.Elapsed(spent)} of virtual time (the limit for a search is {TimeFormat.Elapsed(_options.VirtualTimeLimit)})"
                : null;
        }

        return Stopwatch.GetElapsedTime(realStart) > _options.RealTimeLimit
            ? $"over more than {TimeFormat.RealSeconds(_options.RealTimeLimit)} of real time (the limit for a search)"
            : null;
    }

    /// <summary>Consumes the next <paramref name="count"/> items without looking at them.</summary>
    /// <param name="count">How many items to skip; zero does nothing.</param>
    /// <returns>A task that completes once the items are consumed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="AsyncSequenceAssertionException">The sequence ended, failed, or went silent before <paramref name="count"/> items.</exception>
    /// <exception cref="InvalidOperationException">Another call on this reader is still running.</exception>
    /// <exception cref="ObjectDisposedException">The reader is disposed.</exception>
    [StackTraceHidden]
    public async Task SkipItemsAsync(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        using var scope = Enter(nameof(SkipItemsAsync));
        var expected = "to skip " + (count == 1 ? "1 item" : string.Create(CultureInfo.InvariantCulture, $"{count} items"));
        await TakeItemsAsync(count, expected, "skipped");
    }

    private async Task<IReadOnlyList<T>> TakeItemsAsync(int count, string expected, string verb)
    {
        var items = new List<T>(count);
        while (items.Count < count)
        {
            var e = await PeekAsync(expected);
            if (e.Kind != ReaderEventKind.Item)
            {
                var actual = items.Count == 0 ? Came(e) : $"{verb} {ReaderText.Values(items)}, then {Came(e)}";
                throw Fail(expected, actual, e.Error, at: (e, "expected an item"));
            }

            items.Add(Take().Item!);
        }

        return items;
    }
}
