namespace AsyncEnumTesting.Tests.Time;

/// <content>A manual advance inside a run, over work that a timer on the way sends to the thread pool.</content>
public sealed partial class PoolHopTests
{
    [Fact]
    public async Task AdvanceAsync_InsideRunTimerWakesPoolContinuation_RunsItBeforeReturning()
    {
        // The bug this guards: the advance fired the timers itself and waited only for the run's queue, so a continuation the
        // 5 s timer sent to the pool had not run when the advance to 10 s returned (5 of 5 runs in a new-user trial).
        for (var run = 0; run < Repeats; run++)
        {
            var seen = await LateStarts.RunAgainAsync(async clock =>
            {
                var ranAt = TimeSpan.MinValue;
                var woken = Task.Delay(TimeSpan.FromSeconds(5), clock).ContinueWith(_ => ranAt = clock.Elapsed, TaskScheduler.Default);
                await clock.AdvanceAsync(TimeSpan.FromSeconds(10));
                var seenThen = ranAt;
                await woken;
                return (seenThen, clock.Elapsed);
            });

            Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)), seen);
        }
    }
}
