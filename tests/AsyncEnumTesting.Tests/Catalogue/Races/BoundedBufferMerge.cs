namespace AsyncEnumTesting.Tests.Catalogue.Races;

/// <summary>Race: a merge that checks its shared buffer's room, awaits, then adds: two feeds at the same instant overfill it.</summary>
public sealed class BoundedBufferMerge
{
    /// <summary>Two feeds deliver at the same instants into a merge whose buffer holds one item; the rest must be counted as dropped.</summary>
    public static Func<VirtualClock, Task> Scenario(bool buggy) => async clock =>
    {
        var merge = new Merge(capacity: 1, buggy);
        await Task.WhenAll(merge.PumpAsync(Feed(clock, 'a')), merge.PumpAsync(Feed(clock, 'b')));
        Assert.True(merge.MostBuffered <= 1, $"the buffer held {merge.MostBuffered} items, capacity 1");
    };

    [Fact]
    public async Task Bug_DefaultOrder_Passes() => await VirtualTime.RunAsync(Scenario(buggy: true));

    [Fact]
    public async Task Bug_Explored_FailsNamingTheSeed()
    {
        var ex = await Assert.ThrowsAsync<ScheduleExplorationException>(() => VirtualTime.ExploreAsync(Scenario(buggy: true)));

        Assert.Contains("the buffer held 2 items, capacity 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twin_EverySchedule_Passes() => await VirtualTime.ExploreAsync(Scenario(buggy: false), new ExplorationOptions { Schedules = 50 });

    private static async IAsyncEnumerable<char> Feed(VirtualClock clock, char name)
    {
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            yield return name;
        }
    }

    private sealed class Merge(int capacity, bool buggy)
    {
        private readonly List<char> _buffer = [];

        public int MostBuffered { get; private set; }

        public async Task PumpAsync(IAsyncEnumerable<char> feed)
        {
            await foreach (var item in feed)
            {
                if (_buffer.Count >= capacity)
                {
                    continue; // dropped
                }

                if (buggy)
                {
                    await Task.Yield(); // the bug: the room checked above may be gone after this await
                }

                _buffer.Add(item);
                MostBuffered = Math.Max(MostBuffered, _buffer.Count);
                await Task.Yield(); // the downstream consumer takes it
                _buffer.Remove(item);
            }
        }
    }
}
