using System.Diagnostics;

#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <content>Which items come, in which order.</content>
public sealed partial class AsyncEnumerableAssertions<T>
{
    /// <summary>Asserts that the source yields exactly <paramref name="expected"/>, in order, and then completes.</summary>
    /// <param name="expected">The items, in order.</param>
    /// <remarks>Items that are collections (a batch, a page) are compared element by element; other items by <c>Equals</c>.</remarks>
    /// <returns>A task that completes when the assertion passed, or fails with a message and the timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="expected"/> is <see langword="null"/>.</exception>
    [StackTraceHidden]
    public Task<AndConstraint<AsyncEnumerableAssertions<T>>> YieldInOrder(params T[] expected) => YieldInOrder(expected, null, string.Empty);

    /// <summary>Asserts that the source yields exactly <paramref name="expected"/>, in order, and then completes.</summary>
    /// <param name="expected">The items, in order.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A task that completes when the assertion passed, or fails with a message and the timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="expected"/> is <see langword="null"/>.</exception>
    [StackTraceHidden]
    public Task<AndConstraint<AsyncEnumerableAssertions<T>>> YieldInOrder(IEnumerable<T> expected, string because = "", params object[] becauseArgs) =>
        YieldInOrder(expected, null, because, becauseArgs);

    /// <summary>Asserts that the source yields exactly <paramref name="expected"/>, in order by <paramref name="comparer"/>, and then completes.</summary>
    /// <param name="expected">The items, in order.</param>
    /// <param name="comparer">Compares an item with the expected one; <see cref="EqualityComparer{T}.Default"/> when <see langword="null"/>.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A task that completes when the assertion passed, or fails with a message and the timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="expected"/> is <see langword="null"/>.</exception>
    /// <remarks>Reads one call past the last expected item to see the completion; an extra item fails at once, without reading further.</remarks>
    [StackTraceHidden]
    public Task<AndConstraint<AsyncEnumerableAssertions<T>>> YieldInOrder(
        IEnumerable<T> expected, IEqualityComparer<T>? comparer, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var items = expected.ToList();
        var equal = comparer ?? ItemEquality<T>.Default;
        return CheckAsync(() => $"yield {Failure.Show(items)} in order", because, becauseArgs, async run =>
            await ReadInOrderAsync(run, items, equal).ConfigureAwait(true) ?? await CompletionAsync(run).ConfigureAwait(true));
    }

    /// <summary>Asserts that the source's first items are <paramref name="expected"/>; it stops reading after them.</summary>
    /// <param name="expected">The first items, in order.</param>
    /// <returns>A task that completes when the assertion passed, or fails with a message and the timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="expected"/> is <see langword="null"/>.</exception>
    [StackTraceHidden]
    public Task<AndConstraint<AsyncEnumerableAssertions<T>>> StartWith(params T[] expected) => StartWith(expected, string.Empty);

    /// <summary>Asserts that the source's first items are <paramref name="expected"/>; it stops reading after them.</summary>
    /// <param name="expected">The first items, in order.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A task that completes when the assertion passed, or fails with a message and the timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="expected"/> is <see langword="null"/>.</exception>
    /// <remarks>Works on endless sources: the enumerator is disposed right after the last expected item.</remarks>
    [StackTraceHidden]
    public Task<AndConstraint<AsyncEnumerableAssertions<T>>> StartWith(IEnumerable<T> expected, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var items = expected.ToList();
        return CheckAsync(() => $"start with {Failure.Show(items)}", because, becauseArgs, run => ReadInOrderAsync(run, items, ItemEquality<T>.Default));
    }

    /// <summary>Asserts that the source yields <paramref name="expected"/> in this order, other items allowed in between.</summary>
    /// <param name="expected">The items, in order.</param>
    /// <returns>A task that completes when the assertion passed, or fails with a message and the timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="expected"/> is <see langword="null"/>.</exception>
    [StackTraceHidden]
    public Task<AndConstraint<AsyncEnumerableAssertions<T>>> ContainInOrder(params T[] expected) => ContainInOrder(expected, string.Empty);

    /// <summary>Asserts that the source yields <paramref name="expected"/> in this order, other items allowed in between.</summary>
    /// <param name="expected">The items, in order.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A task that completes when the assertion passed, or fails with a message and the timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="expected"/> is <see langword="null"/>.</exception>
    /// <remarks>Stops reading once the last expected item came, so it works on endless sources.</remarks>
    [StackTraceHidden]
    public Task<AndConstraint<AsyncEnumerableAssertions<T>>> ContainInOrder(IEnumerable<T> expected, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var items = expected.ToList();
        return CheckAsync(() => $"yield {Failure.Show(items)} in order, other items allowed in between", because, becauseArgs, async run =>
        {
            var found = 0;
            var limit = new SearchLimit(run.Pacing);
            while (found < items.Count)
            {
                if (!await run.MoveNextAsync().ConfigureAwait(true))
                {
                    var ended = Ended(run, Failure.Show(items[found]));
                    return ended with { Actual = ended.Actual + $", and item [{found}] of the expected ones ({Failure.Show(items[found])}) never came" };
                }

                if (ItemEquality<T>.Default.Equals(run.Current, items[found]))
                {
                    found++;
                }
                else if (limit.Overrun<T>(run.ItemCount) is { } overrun)
                {
                    return new Verdict($"{overrun}, and item [{found}] of the expected ones ({Failure.Show(items[found])}) had not come", run.LastEventIndex, "still waiting for " + Failure.Show(items[found]));
                }
            }

            return null;
        });
    }

    /// <summary>Asserts that the source yields exactly <paramref name="expected"/> items and then completes.</summary>
    /// <param name="expected">The number of items.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A task that completes when the assertion passed, or fails with a message and the timeline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expected"/> is negative.</exception>
    [StackTraceHidden]
    public Task<AndConstraint<AsyncEnumerableAssertions<T>>> YieldCount(int expected, string because = "", params object[] becauseArgs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        return CheckAsync($"yield {MessageFormat.Items(expected)} and complete", because, becauseArgs, async run =>
        {
            while (await run.MoveNextAsync().ConfigureAwait(true))
            {
                if (run.ItemCount > expected)
                {
                    return new Verdict($"it yielded more: item [{expected}] was {Failure.Show(run.Current)}", run.LastEventIndex, "expected completion");
                }
            }

            return run.End == EndKind.Completed && run.ItemCount == expected ? null : Ended(run, $"item [{run.ItemCount}]");
        });
    }

    /// <summary>Asserts that the source completes without yielding any item.</summary>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A task that completes when the assertion passed, or fails with a message and the timeline.</returns>
    [StackTraceHidden]
    public Task<AndConstraint<AsyncEnumerableAssertions<T>>> BeEmpty(string because = "", params object[] becauseArgs) =>
        CheckAsync("complete without yielding any item", because, becauseArgs, CompletionAsync);

    /// <summary>Reads <paramref name="items"/> in order, or says how the source differed.</summary>
    private static async Task<Verdict?> ReadInOrderAsync(Enumeration<T> run, List<T> items, IEqualityComparer<T> equal)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (!await run.MoveNextAsync().ConfigureAwait(true))
            {
                return Ended(run, Failure.Show(items[i]));
            }

            if (!equal.Equals(run.Current, items[i]))
            {
                return Failure.ItemDiffers(i, run.Current, items[i], run.LastEventIndex);
            }
        }

        return null;
    }

    /// <summary>Reads one more call and expects completion, or says what came instead.</summary>
    private static async Task<Verdict?> CompletionAsync(Enumeration<T> run)
    {
        if (await run.MoveNextAsync().ConfigureAwait(true))
        {
            return new Verdict(
                $"it yielded {(run.ItemCount == 1 ? "an item" : "a further item")}: item [{run.ItemCount - 1}] was {Failure.Show(run.Current)}",
                run.LastEventIndex,
                "expected completion");
        }

        return run.End == EndKind.Completed ? null : Ended(run, "completion");
    }
}
