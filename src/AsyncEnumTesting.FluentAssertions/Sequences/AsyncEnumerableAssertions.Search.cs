using System.Diagnostics;
using System.Linq.Expressions;

#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <content>Items whose order does not matter, and the first item that matters.</content>
public sealed partial class AsyncEnumerableAssertions<T>
{
    /// <summary>Asserts that the source yields exactly <paramref name="expected"/>, in any order, and then completes.</summary>
    /// <param name="expected">The items, each as often as it should come.</param>
    /// <returns>A task that completes when the assertion passed, or fails with a message and the timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="expected"/> is <see langword="null"/>.</exception>
    [StackTraceHidden]
    public Task<AndConstraint<AsyncEnumerableAssertions<T>>> YieldInAnyOrder(params T[] expected) => YieldInAnyOrder(expected, string.Empty);

    /// <summary>Asserts that the source yields exactly <paramref name="expected"/>, in any order, and then completes.</summary>
    /// <param name="expected">The items, each as often as it should come.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A task that completes when the assertion passed, or fails with a message and the timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="expected"/> is <see langword="null"/>.</exception>
    /// <remarks>An item that was not expected (or comes once too often) fails at once, without reading further.</remarks>
    [StackTraceHidden]
    public Task<AndConstraint<AsyncEnumerableAssertions<T>>> YieldInAnyOrder(IEnumerable<T> expected, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var items = expected.ToList();
        return CheckAsync(() => $"yield {Failure.Show(items)} in any order", because, becauseArgs, async run =>
        {
            var missing = new List<T>(items);
            while (await run.MoveNextAsync().ConfigureAwait(true))
            {
                var at = missing.FindIndex(m => ItemEquality<T>.Default.Equals(m, run.Current));
                if (at < 0)
                {
                    return new Verdict($"item [{run.ItemCount - 1}] was {Failure.Show(run.Current)}, which was not expected (or not that often)", run.LastEventIndex, "not expected");
                }

                missing.RemoveAt(at);
            }

            if (run.End != EndKind.Completed)
            {
                return Ended(run, missing.Count == 0 ? "completion" : Failure.Show(missing));
            }

            return missing.Count == 0
                ? null
                : new Verdict($"it completed after {MessageFormat.Items(run.ItemCount)} without yielding {Failure.Show(missing)}", run.LastEventIndex, "missing " + Failure.Show(missing));
        });
    }

    /// <summary>Asserts that the source eventually yields an item matching <paramref name="predicate"/>; it stops reading there.</summary>
    /// <param name="predicate">The condition the item must meet.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The assertions and, as <c>Which</c>, the first matching item.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is <see langword="null"/>.</exception>
    [StackTraceHidden]
    public Task<AndWhichConstraint<AsyncEnumerableAssertions<T>, T>> YieldEventually(
        Expression<Func<T, bool>> predicate, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var matches = predicate.Compile();
        T found = default!;
        return CheckAsync(
            $"eventually yield an item matching {Failure.Show(predicate)}",
            because,
            becauseArgs,
            async run =>
            {
                var limit = new SearchLimit(run.Pacing);
                while (await run.MoveNextAsync().ConfigureAwait(true))
                {
                    if (matches(run.Current))
                    {
                        found = run.Current;
                        return null;
                    }

                    if (limit.Overrun<T>(run.ItemCount) is { } overrun)
                    {
                        return new Verdict($"{overrun}, none matching", run.LastEventIndex, "still no match");
                    }
                }

                var ended = Ended(run, "a match");
                return ended with { Actual = ended.Actual + (run.ItemCount == 0 ? string.Empty : ", none matching") };
            },
            _ => new AndWhichConstraint<AsyncEnumerableAssertions<T>, T>(this, found));
    }
}
