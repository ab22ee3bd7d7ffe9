using AsyncEnumTesting;
using AsyncEnumTesting.FluentAssertions;
using Batcher.Broken;
using Xunit.Sdk;

namespace Batcher;

public sealed class TimeWindowBatcherTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    [Fact]
    public Task BatchAsync_ItemsArriveTogether_ClosesEachBatchWhenFull() => VirtualTime.RunAsync(async clock =>
    {
        var readings = FakeSequence.Script<int>(clock).Yield(1, 2, 3, 4, 5);

        var batches = await readings.BatchAsync(maxSize: 2, Window, clock).ToListAsync();

        Assert.Equal([[1, 2], [3, 4], [5]], batches);
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
    });

    [Fact]
    public Task BatchAsync_SlowSource_ClosesEachBatchWhenItsWindowEnds() => VirtualTime.RunAsync(async clock =>
    {
        // One frame is a second: 1 and 2 at 00:00 and 00:01, 3 and 4 at 00:05 and 00:06, 5 at 00:20, completion at 00:21.
        var readings = FakeSequence.FromMarbles(clock, "12---34 13s 5|", c => c - '0', frame: TimeSpan.FromSeconds(1));
        var batches = new List<IReadOnlyList<int>>();
        var closedAt = new List<double>();

        await foreach (var batch in readings.BatchAsync(maxSize: 10, Window, clock))
        {
            batches.Add(batch);
            closedAt.Add(clock.Elapsed.TotalSeconds);
        }

        Assert.Equal([[1, 2], [3, 4], [5]], batches);
        Assert.Equal([3, 8, 21], closedAt); // windows end 3 s after readings 1 and 3; the tail is flushed at completion
    });

    [Fact]
    public Task BatchAsync_SourceFails_EndsWithTheSourceErrorAndDisposesIt() => VirtualTime.RunAsync(async clock =>
    {
        var readings = FakeSequence.Script<int>(clock).Yield(1, 2).Wait(TimeSpan.FromSeconds(1)).Yield(3).Fail(new IOException("sensor bus reset"))
            .Probe(new Timeline(clock), "readings");
        var batches = new List<IReadOnlyList<int>>();

        var act = async () =>
        {
            await foreach (var batch in readings.BatchAsync(maxSize: 2, Window, clock))
            {
                batches.Add(batch);
            }
        };

        var ex = await Assert.ThrowsAsync<IOException>(act);
        Assert.Equal("sensor bus reset", ex.Message);
        Assert.Equal([[1, 2]], batches);
        readings.Should().BeDisposed();
    });

    [Fact]
    public Task BatchAsync_ConsumerStopsWhileAReadIsPending_CancelsTheReadThenDisposesTheSource() => VirtualTime.RunAsync(async clock =>
    {
        var timeline = new Timeline(clock);
        var readings = FakeSequence.Script<int>(clock).Yield(1).Wait(TimeSpan.FromSeconds(1)).Yield(2).Wait(TimeSpan.FromMinutes(1)).Yield(3)
            .Probe(timeline, "readings");

        var first = await readings.BatchAsync(maxSize: 10, Window, clock).FirstAsync();

        Assert.Equal([1, 2], first);
        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.000  #1 MoveNextAsync -> 1
              00:01.000  #1 MoveNextAsync -> 2
              00:01.000  #1 MoveNextAsync started
              00:03.000  #1 token canceled
              00:03.000  #1 MoveNextAsync -> canceled
              00:03.000  #1 DisposeAsync
            """,
            timeline.Render());
    });

    [Fact]
    public Task LeakyBatcher_ConsumerStopsAfterFirstBatch_FailsBeDisposedWithTheTimeline() => VirtualTime.RunAsync(async clock =>
    {
        var readings = FakeSequence.Script<int>(clock).Yield(1, 2, 3, 4).Probe(new Timeline(clock), "readings");

        await LeakyBatcher.BatchAsync(readings, maxSize: 2).Take(1).ToListAsync();

        var ex = Assert.Throws<XunitException>(() => readings.Should().BeDisposed());
        Assert.Equal(
            """
            Expected readings to be disposed, but enumeration #1 was never disposed: the consumer stopped after 2 items without DisposeAsync.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: none
              00:00.000  #1 MoveNextAsync -> 1
              00:00.000  #1 MoveNextAsync -> 2      <- no DisposeAsync after this
            """,
            ex.Message);
    });
}
