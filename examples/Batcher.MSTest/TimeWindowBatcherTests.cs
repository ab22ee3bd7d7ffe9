using AsyncEnumTesting;
using AsyncEnumTesting.MSTest;
using Batcher.Broken;

[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]

namespace Batcher.MSTest;

// The same tests as examples/Batcher, under MSTest 4, with the kit's fakes as sources.
[TestClass]
public sealed class TimeWindowBatcherTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    [VirtualTimeTestMethod]
    public async Task BatchAsync_ItemsArriveTogether_ClosesEachBatchWhenFull(VirtualClock clock)
    {
        var readings = FakeSequence.Script<int>(clock, "readings").Yield(1, 2, 3, 4, 5);

        var batches = await readings.BatchAsync(maxSize: 2, Window, clock).ToListAsync();

        Assert.HasCount(3, batches);
        CollectionAssert.AreEqual(new[] { 1, 2 }, batches[0].ToArray());
        CollectionAssert.AreEqual(new[] { 5 }, batches[2].ToArray());
    }

    [VirtualTimeTestMethod]
    public async Task BatchAsync_DrivenSource_ClosesThePartialBatchWhenTheWindowEnds(VirtualClock clock)
    {
        // MSTest runs tests without a synchronization context, so continuations woken by Emit would run on the thread
        // pool, racing the clock. Inside [VirtualTimeTestMethod]'s run every continuation runs on the run's own thread, in order.
        var readings = FakeSequence.Driven<int>(clock, "readings");
        await using var batches = readings.BatchAsync(maxSize: 10, Window, clock).OpenReader(clock);

        readings.Emit(1);
        readings.Emit(2);
        await batches.AwaitNoEventsWithinAsync(Window - TimeSpan.FromMilliseconds(1));
        CollectionAssert.AreEqual(new[] { 1, 2 }, (await batches.AwaitItemAsync()).ToArray());
        Assert.AreEqual(Window, clock.Elapsed);

        readings.Emit(3);
        readings.Complete();
        CollectionAssert.AreEqual(new[] { 3 }, (await batches.AwaitItemAsync()).ToArray()); // the tail, flushed at completion
        await batches.AwaitCompletionAsync();
        Assert.AreEqual(1, readings.Disposals);
    }

    [VirtualTimeTestMethod]
    public async Task BatchAsync_SourceFails_EndsWithTheSourceError(VirtualClock clock)
    {
        var readings = FakeSequence.Script<int>(clock, "readings").Yield(1, 2).Wait(TimeSpan.FromSeconds(1)).Yield(3)
            .Fail(new IOException("sensor bus reset"));

        var ex = await Assert.ThrowsExactlyAsync<IOException>(async () => await readings.BatchAsync(2, Window, clock).ToListAsync());

        Assert.AreEqual("sensor bus reset", ex.Message);
        Assert.AreEqual(1, readings.Disposals);
    }

    [VirtualTimeTestMethod]
    public async Task LeakyBatcher_ConsumerStopsAfterFirstBatch_LeavesTheSourceUndisposed(VirtualClock clock)
    {
        var readings = FakeSequence.Script<int>(clock, "readings").Yield(1, 2, 3, 4).Probe(new Timeline(clock), "readings");

        await LeakyBatcher.BatchAsync(readings, maxSize: 2).Take(1).ToListAsync();

        Assert.AreEqual("#1: 2 item(s), Running, not disposed", readings.UndisposedEnumerations.Single().ToString());
    }
}
