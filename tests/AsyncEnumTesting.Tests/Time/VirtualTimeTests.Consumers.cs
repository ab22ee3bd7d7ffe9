using System.Threading.Channels;

namespace AsyncEnumTesting.Tests.Time;

/// <content>Regression tests through real consumers: channels, System.Linq.AsyncEnumerable, concurrent producers.</content>
public sealed partial class VirtualTimeTests
{
    [Theory]
    [InlineData(Driving.Manual)]
    [InlineData(Driving.Automatic)]
    public async Task Channel_FedByPeriodicTimerProducer_DeliversAtTickTimes(Driving driving)
    {
        var received = await Drive.RunAsync(driving, TimeSpan.FromSeconds(30), async clock =>
        {
            var channel = Channel.CreateBounded<TimeSpan>(1);
            var producer = Produce(clock, channel.Writer);
            var seen = new List<string>();
            await foreach (var stamp in ReadKeepingContext(channel.Reader))
            {
                seen.Add($"{stamp:ss\\.fff} read at {clock.Elapsed:ss\\.fff}");
                await Task.Delay(TimeSpan.FromMilliseconds(2500), clock);
            }

            await producer;
            return seen;
        });

        // The consumer needs 2.5 s per item and the channel holds one: the producer's writes wait, and the ticks it
        // missed meanwhile collapse into one (PeriodicTimer semantics), so it writes 04 at 4 s and 06 at 6 s.
        Assert.Equal(
            ["01.000 read at 01.000", "02.000 read at 03.500", "03.000 read at 06.000", "04.000 read at 08.500", "06.000 read at 11.000"],
            received);

        static async Task Produce(VirtualClock clock, ChannelWriter<TimeSpan> writer)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
            for (var i = 0; i < 5 && await timer.WaitForNextTickAsync(); i++)
            {
                await writer.WriteAsync(clock.Elapsed);
            }

            writer.Complete();
        }
    }

    [Theory]
    [InlineData(Driving.Manual)]
    [InlineData(Driving.Automatic)]
    public async Task AsyncEnumerableOperators_OverTimedSource_KeepTimestamps(Driving driving)
    {
        var result = await Drive.RunAsync(driving, TimeSpan.FromSeconds(30), async clock =>
        {
            var stamps = new List<TimeSpan>();
            var items = await Timed(clock, TimeSpan.FromMilliseconds(700))
                .Where(i => i % 2 == 0)
                .Select(i =>
                {
                    stamps.Add(clock.Elapsed);
                    return i * 10;
                })
                .Take(3)
                .ToListAsync();
            return (items, stamps, clock.Elapsed);
        });

        Assert.Equal([0, 20, 40], result.items);
        Assert.Equal([700, 2100, 3500], result.stamps.Select(s => s.TotalMilliseconds));
        if (driving == Driving.Automatic)
        {
            Assert.Equal(TimeSpan.FromMilliseconds(3500), result.Item3);
        }
    }

    [Theory]
    [InlineData(Driving.Manual)]
    [InlineData(Driving.Automatic)]
    public async Task AsyncEnumerableZip_TwoTimedSources_PullsThemInTurn(Driving driving)
    {
        var pairs = await Drive.RunAsync(driving, TimeSpan.FromSeconds(30), async clock =>
        {
            var zipped = Timed(clock, TimeSpan.FromSeconds(1)).Zip(Timed(clock, TimeSpan.FromSeconds(3)));
            var seen = new List<string>();
            await foreach (var (fast, slow) in zipped.Take(3))
            {
                seen.Add($"{fast}/{slow} at {clock.Elapsed.TotalSeconds}");
            }

            return seen;
        });

        // Zip asks the first source, then the second: each pair costs both gaps.
        Assert.Equal(["0/0 at 4", "1/1 at 8", "2/2 at 12"], pairs);
    }

    /// <summary>Reads like <c>ReadAllAsync</c>, but keeps the run's context.</summary>
    /// <remarks>
    /// <c>ChannelReader.ReadAllAsync</c> awaits with <c>ConfigureAwait(false)</c> and channels complete waiting readers
    /// asynchronously, so each item it reads hops through the thread pool, where the next timer may beat it.
    /// </remarks>
    internal static async IAsyncEnumerable<T> ReadKeepingContext<T>(ChannelReader<T> reader)
    {
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var item))
            {
                yield return item;
            }
        }
    }

    private static async IAsyncEnumerable<int> Timed(VirtualClock clock, TimeSpan gap)
    {
        for (var i = 0; ; i++)
        {
            await Task.Delay(gap, clock);
            yield return i;
        }
    }
}
