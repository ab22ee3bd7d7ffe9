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
            await AssertShuffledTimersFireInOrderAsync(clock, random, timers: 5_000, changes: 3_000, instants: 3, disposeOneIn: 5);
        }
    }
}
