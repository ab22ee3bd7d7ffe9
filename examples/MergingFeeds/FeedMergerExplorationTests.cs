using AsyncEnumTesting;
using AsyncEnumTesting.FluentAssertions;

namespace MergingFeeds;

/// <summary>Schedule exploration: quotes that arrive at the same instant may reach the merger in either order.</summary>
public sealed class FeedMergerExplorationTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task MergeAsync_QuotesAtTheSameInstants_EveryScheduleKeepsEachFeedsOrderAndLosesNothing()
    {
        // Both feeds quote at 00:01, 00:03 and 00:05. Which quote of an instant the merger sees first is up to the
        // machine; exploration runs the test in the default order and under 100 seeded orders of those ties.
        var covered = await VirtualTime.ExploreAsync(
            async clock =>
            {
                var timeline = new Timeline(clock);
                var nyse = FakeSequence.FromMarbles(clock, "-a-b-c|", c => new Quote("nyse", 10 + c - 'a'), frame: Second).Probe(timeline, "nyse");
                var lse = FakeSequence.FromMarbles(clock, "-a-b-c|", c => new Quote("lse", 20 + c - 'a'), frame: Second).Probe(timeline, "lse");

                var merged = await FeedMerger.MergeAsync(nyse, lse).ToListAsync();

                Assert.Equal([10m, 11m, 12m], merged.Where(q => q.Venue == "nyse").Select(q => q.Price));
                Assert.Equal([20m, 21m, 22m], merged.Where(q => q.Venue == "lse").Select(q => q.Price));
                nyse.Should().HaveNoProtocolViolations();
                lse.Should().HaveNoProtocolViolations();
            },
            new ExplorationOptions { Schedules = 100 });

        // A failing schedule would throw ScheduleExplorationException with its seed, a replay line and the reorderings.
        Assert.True(covered.DistinctSchedules > 1, covered.ToString());
    }
}
