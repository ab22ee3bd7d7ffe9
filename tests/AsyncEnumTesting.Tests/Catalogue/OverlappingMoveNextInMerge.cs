using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>An operator that merges two feeds, yielding each item as soon as either feed produces it.</summary>
internal static class Merge
{
    /// <summary>Bug: asks both feeds for their next item every round, although the slower one's previous call is still pending.</summary>
    public static async IAsyncEnumerable<T> BuggyAsync<T>(IAsyncEnumerable<T> left, IAsyncEnumerable<T> right, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var l = left.GetAsyncEnumerator(ct);
        await using var r = right.GetAsyncEnumerator(ct);
        var leftOpen = true;
        var rightOpen = true;
        while (leftOpen || rightOpen)
        {
            var leftMove = leftOpen ? l.MoveNextAsync().AsTask() : Task.FromResult(false);
            var rightMove = rightOpen ? r.MoveNextAsync().AsTask() : Task.FromResult(false);
            var first = await Task.WhenAny(leftMove, rightMove);
            if (first == leftMove)
            {
                leftOpen = await leftMove;
                if (leftOpen)
                {
                    yield return l.Current;
                }
            }
            else
            {
                rightOpen = await rightMove;
                if (rightOpen)
                {
                    yield return r.Current;
                }
            }
        }
    }

    /// <summary>Twin: keeps one pending call per feed and asks again only the feed that answered.</summary>
    public static async IAsyncEnumerable<T> TwinAsync<T>(IAsyncEnumerable<T> left, IAsyncEnumerable<T> right, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var l = left.GetAsyncEnumerator(ct);
        await using var r = right.GetAsyncEnumerator(ct);
        var pending = new Dictionary<Task<bool>, IAsyncEnumerator<T>>
        {
            [l.MoveNextAsync().AsTask()] = l,
            [r.MoveNextAsync().AsTask()] = r,
        };
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending.Keys);
            var feed = pending[done];
            pending.Remove(done);
            if (await done)
            {
                yield return feed.Current;
                pending.Add(feed.MoveNextAsync().AsTask(), feed);
            }
        }
    }
}

public sealed class OverlappingMoveNextInMergeTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "overlapping calls",
        """
        var leftMove = l.MoveNextAsync().AsTask();
        var rightMove = r.MoveNextAsync().AsTask();    // asked again while its previous call is pending
        var first = await Task.WhenAny(leftMove, rightMove);
        """,
        """
        Expected an item, but "merged" failed after 1 item, at 00:01.000 (00:00.000 after item [0], 00:01.000 into the stream), with InvalidOperationException: MoveNextAsync was called on enumeration #1 of probe "right" while its previous MoveNextAsync (called at 00:00.000) was still pending. Await each MoveNextAsync before calling the next one: an async enumerator does not support overlapping calls. That was the first protocol violation ("right" #1 at 00:01.000); fix it first, the one that threw here follows from it: DisposeAsync was called on enumeration #1 of probe "left" while MoveNextAsync (called at 00:01.000) was still pending. A compiler-generated async iterator throws NotSupportedException there; a correct consumer cancels the enumerator's token, awaits the pending MoveNextAsync, then disposes.
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator      token: cancellable
          00:01.000  #1 MoveNextAsync -> 1
          00:01.000  #1 MoveNextAsync -> threw  InvalidOperationException: MoveNextAsync was called on enumeration #1 of probe "right" while its previous MoveNextAsync (called at 00:00.000) was still pending. …      <- expected an item
          00:01.000  #1 DisposeAsync
        """);

    [Fact]
    public async Task Twin_TwoFeedsAtDifferentPaces_Passes()
    {
        var violations = await VirtualTime.RunAsync(async clock =>
        {
            var timeline = new Timeline(clock);
            var (left, right) = Feeds(clock, timeline);
            await using var reader = Merge.TwinAsync(left, right).OpenReader(clock, new() { Name = "merged" });
            Assert.Equal([1, 10, 2], await reader.AwaitItemsAsync(3));
            await reader.AwaitCompletionAsync();
            return left.Violations.Count + right.Violations.Count;
        });

        Assert.Equal(0, violations);
    }

    [Fact]
    public async Task Bug_TwoFeedsAtDifferentPaces_FailsNamingTheCause()
    {
        var (message, right) = await VirtualTime.RunAsync(async clock =>
        {
            var timeline = new Timeline(clock);
            var (left, right) = Feeds(clock, timeline);
            await using var reader = Merge.BuggyAsync(left, right).OpenReader(clock, new() { Name = "merged" });
            Assert.Equal(1, await reader.AwaitItemAsync());
            var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitItemAsync);
            return (ex.Message, right);
        });

        // The probe stops the overlapping call; the cause is the first violation on the shared timeline.
        const string overlap = "MoveNextAsync was called on enumeration #1 of probe \"right\" while its previous MoveNextAsync (called at 00:00.000) " +
            "was still pending. Await each MoveNextAsync before calling the next one: an async enumerator does not support overlapping calls.";
        Assert.Equal(ProbeViolationKind.OverlappingMoveNext, right.Violations[0].Kind);
        Assert.Equal(overlap, right.Timeline.EventsOf(TimelineEventKind.Violation)[0].Value);

        // The merge's `await using` cleanup disposed both feeds while their calls were pending, and that exception
        // replaced the overlap's. The probe's exception therefore leads with the first violation on the timeline, the
        // cause, and names the one that threw second; the timeline row shows its first sentence only.
        Assert.Equal(
            Gallery.Message,
            message);
    }

    private static (Probe<int> Left, Probe<int> Right) Feeds(VirtualClock clock, Timeline timeline)
    {
        var second = TimeSpan.FromSeconds(1);
        var left = FakeSequence.Script<int>(clock).Wait(second).Yield(1).Wait(2 * second).Yield(2).Complete();
        var right = FakeSequence.Script<int>(clock).Wait(2 * second).Yield(10).Complete();
        return (left.Probe(timeline, "left"), right.Probe(timeline, "right"));
    }
}
