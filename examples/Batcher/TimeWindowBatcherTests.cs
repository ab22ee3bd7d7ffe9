using AsyncEnumTesting;

namespace Batcher;

public sealed class TimeWindowBatcherTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    [Fact]
    public Task BatchAsync_ItemsArriveTogether_ClosesEachBatchWhenFull() => VirtualTime.RunAsync(async clock =>
    {
        var source = new Readings(clock, (0, 1), (0, 2), (0, 3), (0, 4), (0, 5));

        var batches = await source.BatchAsync(maxSize: 2, Window, clock).ToListAsync();

        Assert.Equal([[1, 2], [3, 4], [5]], batches);
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
    });

    [Fact]
    public Task BatchAsync_SlowSource_ClosesEachBatchWhenItsWindowEnds() => VirtualTime.RunAsync(async clock =>
    {
        var source = new Readings(clock, (0, 1), (1, 2), (5, 3), (6, 4), (20, 5));
        var batches = new List<IReadOnlyList<int>>();
        var closedAt = new List<double>();

        await foreach (var batch in source.BatchAsync(maxSize: 10, Window, clock))
        {
            batches.Add(batch);
            closedAt.Add(clock.Elapsed.TotalSeconds);
        }

        Assert.Equal([[1, 2], [3, 4], [5]], batches);
        Assert.Equal([3, 8, 20], closedAt); // windows end 3 s after 1 and after 3; the tail is flushed at completion
    });

    [Fact]
    public Task BatchAsync_SourceFails_EndsWithTheSourceError() => VirtualTime.RunAsync(async clock =>
    {
        var source = new Readings(clock, (0, 1), (0, 2), (1, 3)) { ThenFail = new IOException("sensor bus reset") };
        var batches = new List<IReadOnlyList<int>>();

        var act = async () =>
        {
            await foreach (var batch in source.BatchAsync(maxSize: 2, Window, clock))
            {
                batches.Add(batch);
            }
        };

        var ex = await Assert.ThrowsAsync<IOException>(act);
        Assert.Equal("sensor bus reset", ex.Message);
        Assert.Equal([[1, 2]], batches);
        Assert.Equal(1, source.Disposals);
    });

    [Fact]
    public Task BatchAsync_ConsumerStopsAfterFirstBatch_DisposesTheSource() => VirtualTime.RunAsync(async clock =>
    {
        var source = new Readings(clock, (0, 1), (0, 2), (1, 3), (60, 4));

        var first = await source.BatchAsync(maxSize: 10, Window, clock).FirstAsync();

        Assert.Equal([1, 2, 3], first);
        Assert.Equal(1, source.Disposals);
        Assert.Equal(Window, clock.Elapsed); // the pending read was cancelled, not waited for until 01:00
    });
}
