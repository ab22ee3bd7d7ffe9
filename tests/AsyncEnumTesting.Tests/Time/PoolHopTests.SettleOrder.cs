namespace AsyncEnumTesting.Tests.Time;

/// <content>The settle's readings are snapshots: work of the run that starts and ends between two of them still holds the clock.</content>
/// <remarks>
/// Found with a trace of stress scenario `ticks` (a PeriodicTimer loop in Task.Run writing each tick into a default channel
/// the body waits on): a pool thread took the loop's item before the settle read what runs, started it 39 µs later, posted
/// the body's continuation and ended before the settle read the pool; the clock moved to the next tick with the
/// continuation still queued, and the run said nothing. The seam puts such an item exactly there, on every run.
/// </remarks>
public sealed partial class PoolHopTests
{
    [Fact]
    public async Task RunAsync_WorkOfTheRunStartsAndEndsBetweenTheSettlesReadings_ClockWaitsForWhatItPosted()
    {
        var resumedAt = await VirtualTime.RunAsync(async clock =>
        {
            var run = SynchronizationContext.Current;
            var released = new TaskCompletionSource();
            var armed = 1;
            using var seam = SettleSeam.Set(() =>
            {
                if (SynchronizationContext.Current != run || Interlocked.Exchange(ref armed, 0) == 0)
                {
                    return;
                }

                // An item of the run starts on the pool, completes what the body awaits (which posts the body's continuation
                // to the run) and ends; then the pool goes idle, as it may before the settle reads it.
                var processing = SettleSeam.Processing;
                Task.Run(released.SetResult).Wait(); // real time on purpose: the item must be over before the settle reads on
                SettleSeam.WaitForIdlePool(processing);
            });
            var nextTimer = Task.Delay(TimeSpan.FromSeconds(1), clock);

            await released.Task;
            var at = clock.Elapsed;
            await nextTimer;
            return at;
        });

        Assert.Equal(TimeSpan.Zero, resumedAt);
    }
}
