using System.Threading.Channels;

namespace AsyncEnumTesting.Tests.Time;

/// <content>A hundred producers with seeded delays into one channel: ties at the same instant break the same way every run.</content>
/// <remarks>A third of the producers resume on the pool (<c>ConfigureAwait(false)</c>), so it belongs with the pool hops.</remarks>
public sealed partial class PoolHopTests
{
    [Fact]
    public async Task RunAsync_HundredSeededProducersThroughChannel_SameOrderEveryTime()
    {
        var first = await MergeSeededProducers();

        for (var run = 1; run < 200; run++)
        {
            var again = await MergeSeededProducers();
            var at = first.Zip(again).TakeWhile(p => p.First == p.Second).Count();
            Assert.True(
                first.SequenceEqual(again),
                $"Run {run} saw a different event order than run 0 from event {at}: " +
                $"{string.Join(", ", first.Skip(at).Take(5))} instead of {string.Join(", ", again.Skip(at).Take(5))}.");
        }

        Assert.Equal(1_000, first.Count);
        Assert.Equal(first.Count, first.Distinct().Count());
    }

    private static Task<List<string>> MergeSeededProducers() => LateStarts.RunAgainAsync(async clock =>
    {
        var channel = Channel.CreateUnbounded<string>();
        var producers = new Task[100];
        for (var p = 0; p < producers.Length; p++)
        {
            producers[p] = Producer(p, clock, channel.Writer);
        }

        var completion = CompleteWhenAll(producers, channel.Writer);
        var events = new List<string>();
        await foreach (var item in VirtualTimeTests.ReadKeepingContext(channel.Reader))
        {
            events.Add($"{clock.Elapsed.TotalMilliseconds} {item}");
        }

        await completion;
        return events;

        static async Task Producer(int id, VirtualClock clock, ChannelWriter<string> writer)
        {
            var random = new Random(id);
            for (var i = 0; i < 10; i++)
            {
                // Few distinct gaps: many producers fall due at the same instant, so ties must break the same way.
                var gap = TimeSpan.FromMilliseconds(random.Next(1, 6) * 10);
                if (id % 3 == 0)
                {
                    await Task.Delay(gap, clock).ConfigureAwait(false);
                }
                else
                {
                    await Task.Delay(gap, clock);
                }

                await writer.WriteAsync($"p{id}#{i}");
            }
        }

        static async Task CompleteWhenAll(Task[] producers, ChannelWriter<string> writer)
        {
            await Task.WhenAll(producers);
            writer.Complete();
        }
    });
}
