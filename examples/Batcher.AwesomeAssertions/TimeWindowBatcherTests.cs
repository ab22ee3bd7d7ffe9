using AsyncEnumTesting;
using AsyncEnumTesting.AwesomeAssertions;
using AwesomeAssertions;
using Batcher.Broken;
using Xunit.Sdk;

namespace Batcher;

/// <summary>The batcher's tests written with AwesomeAssertions: <c>Should()</c> on the stream, the probe and the timeline.</summary>
public sealed class TimeWindowBatcherTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    [Fact]
    public Task BatchAsync_ItemsArriveTogether_ClosesEachBatchWhenFull() => VirtualTime.RunAsync(async clock =>
    {
        var readings = FakeSequence.Script<int>(clock).Yield(1, 2, 3, 4, 5);

        await readings.BatchAsync(maxSize: 2, Window, clock).Should(clock).YieldInOrder([1, 2], [3, 4], [5]);

        clock.Elapsed.Should().Be(TimeSpan.Zero);
    });

    [Fact]
    public Task BatchAsync_SlowSource_ClosesEachBatchWhenItsWindowEnds() => VirtualTime.RunAsync(async clock =>
    {
        // One frame is a second: 1 and 2 at 00:00 and 00:01, 3 and 4 at 00:05 and 00:06, 5 at 00:20, completion at 00:21.
        var readings = FakeSequence.FromMarbles(clock, "12---34 13s 5|", c => c - '0', frame: TimeSpan.FromSeconds(1));
        var batches = readings.BatchAsync(maxSize: 10, Window, clock).Probe(new Timeline(clock), "batches");

        await batches.Should().Enumerating.YieldInOrder([1, 2], [3, 4], [5]);

        // Windows end 3 s after readings 1 and 3; the tail is flushed at completion.
        batches.Should().HaveYieldedAt([1, 2], TimeSpan.FromSeconds(3))
            .And.HaveYieldedAt([3, 4], TimeSpan.FromSeconds(8))
            .And.HaveYieldedAt([5], TimeSpan.FromSeconds(21));
    });

    [Fact]
    public Task BatchAsync_SourceFails_EndsWithTheSourceErrorAndDisposesIt() => VirtualTime.RunAsync(async clock =>
    {
        var readings = FakeSequence.Script<int>(clock).Yield(1, 2).Wait(TimeSpan.FromSeconds(1)).Yield(3).Fail(new IOException("sensor bus reset"))
            .Probe(new Timeline(clock), "readings");

        (await readings.BatchAsync(maxSize: 2, Window, clock).Should(clock).Throw<IOException>([[1, 2]]))
            .WithMessage("sensor bus reset");

        readings.Should().BeDisposed();
    });

    [Fact]
    public Task BatchAsync_ConsumerStopsWhileAReadIsPending_CancelsTheReadThenDisposesTheSource() => VirtualTime.RunAsync(async clock =>
    {
        var timeline = new Timeline(clock);
        var readings = FakeSequence.Script<int>(clock).Yield(1).Wait(TimeSpan.FromSeconds(1)).Yield(2).Wait(TimeSpan.FromMinutes(1)).Yield(3)
            .Probe(timeline, "readings");

        await readings.BatchAsync(maxSize: 10, Window, clock).Should(clock).StartWith([1, 2]);

        readings.Should().BeDisposedAfter(2);
        timeline.Should().HaveInOrder(
            e => e.Source == "readings" && e.Kind == TimelineEventKind.TokenCanceled,
            e => e.Source == "readings" && e.Kind == TimelineEventKind.Canceled,
            e => e.Source == "readings" && e.Kind == TimelineEventKind.Disposed);
        timeline.EventsOf(TimelineEventKind.Disposed).Should().ContainSingle().Which.Time.Should().Be(Window);
    });

    [Fact]
    public Task LeakyBatcher_ConsumerStopsAfterFirstBatch_FailsBeDisposedWithTheTimeline() => VirtualTime.RunAsync(async clock =>
    {
        var readings = FakeSequence.Script<int>(clock).Yield(1, 2, 3, 4).Probe(new Timeline(clock), "readings");

        await LeakyBatcher.BatchAsync(readings, maxSize: 2).Take(1).ToListAsync();

        var act = () => readings.Should().BeDisposed();
        act.Should().Throw<XunitException>().Which.Message.Should().Be(
            """
            Expected readings to be disposed, but enumeration #1 was never disposed: the consumer stopped after 2 items without DisposeAsync.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: none
              00:00.000  #1 MoveNextAsync -> 1
              00:00.000  #1 MoveNextAsync -> 2      <- no DisposeAsync after this
            """);
    });
}
