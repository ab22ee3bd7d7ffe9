namespace AsyncEnumTesting.Tests.Time;

public sealed partial class VirtualClockTests
{
    // Thousands of timers per instant: a bucket's entries span several segments, changes land out of creation order,
    // and the second round reuses the buckets and segments the first one gave back.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task CreateTimer_ThousandsChangedAtFewInstants_FireInDueThenCreationOrder(int seed)
    {
        var clock = new VirtualClock();
        var random = new Random(seed);
        for (var round = 0; round < 2; round++)
        {
            var fired = new List<int>();
            var timers = new List<ITimer>();
            var due = new Dictionary<int, long>();
            for (var i = 0; i < 5_000; i++)
            {
                var id = i;
                var ticks = random.Next(1, 4) * 10L;
                timers.Add(clock.CreateTimer(_ => fired.Add(id), null, TimeSpan.FromTicks(ticks), Timeout.InfiniteTimeSpan));
                due[id] = ticks;
            }

            for (var i = 0; i < 3_000; i++)
            {
                var id = random.Next(timers.Count);
                if (random.Next(5) == 0)
                {
                    timers[id].Dispose();
                    due.Remove(id);
                }
                else if (due.ContainsKey(id))
                {
                    var ticks = random.Next(1, 4) * 10L;
                    timers[id].Change(TimeSpan.FromTicks(ticks), Timeout.InfiniteTimeSpan);
                    due[id] = ticks;
                }
            }

            await clock.AdvanceAsync(TimeSpan.FromTicks(100));

            Assert.Equal(due.OrderBy(d => d.Value).ThenBy(d => d.Key).Select(d => d.Key), fired);
            Assert.Equal(0, clock.PendingTimerCount);
        }
    }
}
