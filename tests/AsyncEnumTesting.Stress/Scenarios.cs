using System.Text;
using System.Threading.Channels;

namespace AsyncEnumTesting.Stress;

/// <summary>Production-style code that hops through the thread pool; each scenario returns its observed event order.</summary>
internal static class Scenarios
{
    public static readonly (string Name, string Shape, Func<VirtualClock, Task<string>> Body)[] All =
    [
        ("batcher", "Task.Run pump into a default channel, batched by a 10 s window", AsyncEnumTesting.Tests.Time.PoolHopTests.WindowBatcherAsync),
        ("readall", "default channel read with ReadAllAsync, consumer doing ConfigureAwait(false) work", ReadAll),
        ("hops", "100 producers with seeded delays, Task.Run, ConfigureAwait(false), Task.Yield, SemaphoreSlim", Hops),
        ("periodic", "PeriodicTimer poll in Task.Run into a default channel", Periodic),
        ("linq", "System.Linq.AsyncEnumerable Select/Where with ConfigureAwait(false) awaits", Linq),
        ("poller", "async-iterator PeriodicTimer poller with a Task.Yield probe, in Task.Run, into a default channel read by ReadAllAsync", Poller),
        ("ticks", "PeriodicTimer loop in Task.Run writing each tick into a default channel the body waits on with ReadAllAsync", Ticks),
    ];

    /// <summary>The smallest shape found of <see cref="Poller"/>'s silent difference: the body waits on the channel at every tick.</summary>
    private static async Task<string> Ticks(VirtualClock clock)
    {
        var channel = Channel.CreateUnbounded<(int Tick, TimeSpan At)>();
        var loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), clock);
            var n = 0;
            while (n < 12 && await timer.WaitForNextTickAsync().ConfigureAwait(false))
            {
                await channel.Writer.WriteAsync((++n, clock.Elapsed)).ConfigureAwait(false);
            }

            channel.Writer.Complete();
        });
        var log = new StringBuilder();
        await foreach (var (tick, at) in channel.Reader.ReadAllAsync())
        {
            log.Append(tick).Append('@').Append(at.TotalSeconds).Append('/').Append(clock.Elapsed.TotalSeconds).Append(' ');
        }

        await loop;
        return log.ToString();
    }

    /// <summary>A third user trial's poller (2026-12-03): 1 to 3 runs in 1,500 differed silently on an idle machine.</summary>
    private static async Task<string> Poller(VirtualClock clock)
    {
        var channel = Channel.CreateUnbounded<(int Status, TimeSpan At)>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(61), clock);
        var loop = Task.Run(async () =>
        {
            try
            {
                await foreach (var status in PollAsync(async n => { await Task.Yield(); return n; }, TimeSpan.FromSeconds(5), clock, stop.Token).ConfigureAwait(false))
                {
                    await channel.Writer.WriteAsync((status, clock.Elapsed)).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
            }

            channel.Writer.Complete();
        });
        var log = new StringBuilder();
        await foreach (var (status, at) in channel.Reader.ReadAllAsync())
        {
            log.Append(status).Append('@').Append(at.TotalSeconds).Append('/').Append(clock.Elapsed.TotalSeconds).Append(' ');
        }

        await loop;
        return log.ToString();

        static async IAsyncEnumerable<int> PollAsync(Func<int, Task<int>> probe, TimeSpan period, TimeProvider clock, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
        {
            using var timer = new PeriodicTimer(period, clock);
            var n = 0;
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                yield return await probe(++n).ConfigureAwait(false);
            }
        }
    }

    private static async Task<string> ReadAll(VirtualClock clock)
    {
        var log = new StringBuilder();
        var channel = Channel.CreateUnbounded<int>();
        var delays = Enumerable.Range(1, 30).Select(i => i * 7).ToArray();
        new Random(7).Shuffle(delays);
        var producers = delays.Select((d, i) => Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(d), clock).ConfigureAwait(false);
            await channel.Writer.WriteAsync(i).ConfigureAwait(false);
        })).ToArray();
        var closer = Task.Run(async () =>
        {
            await Task.WhenAll(producers).ConfigureAwait(false);
            channel.Writer.Complete();
        });

        await foreach (var item in channel.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(40), clock).ConfigureAwait(false);
            log.Append($"{item}@{clock.Elapsed.TotalMilliseconds} ");
        }

        await closer.ConfigureAwait(false);
        return log.ToString();
    }

    private static async Task<string> Hops(VirtualClock clock)
    {
        var channel = Channel.CreateUnbounded<string>();
        var gate = new SemaphoreSlim(1, 1);
        // Distinct start times 10 ms apart, in a seeded shuffle: the code's own order is fixed by time alone.
        var delays = Enumerable.Range(1, 100).Select(i => i * 10).ToArray();
        new Random(11).Shuffle(delays);
        var producers = delays.Select((d, i) => Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(d), clock).ConfigureAwait(false);
            await Task.Yield();
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                await Task.Run(() => i * 2).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromMilliseconds(1 + (i % 7)), clock).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }

            await channel.Writer.WriteAsync($"{i}@{clock.Elapsed.TotalMilliseconds}").ConfigureAwait(false);
        })).ToArray();
        _ = Task.WhenAll(producers).ContinueWith(_ => channel.Writer.Complete(), TaskScheduler.Default);

        var log = new StringBuilder();
        await foreach (var item in channel.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            log.Append(item).Append(' ');
        }

        return log.ToString();
    }

    private static async Task<string> Periodic(VirtualClock clock)
    {
        var channel = Channel.CreateUnbounded<string>();
        var poller = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), clock);
            var n = 0;
            while (n < 20 && await timer.WaitForNextTickAsync().ConfigureAwait(false))
            {
                await Task.Yield();
                await channel.Writer.WriteAsync($"poll{n++}@{clock.Elapsed.TotalSeconds}").ConfigureAwait(false);
            }

            channel.Writer.Complete();
        });

        var log = new StringBuilder();
        while (await channel.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (channel.Reader.TryRead(out var item))
            {
                log.Append(item).Append('/').Append(clock.Elapsed.TotalSeconds).Append(' ');
                await Task.Delay(TimeSpan.FromSeconds(2), clock).ConfigureAwait(false);
            }
        }

        await poller.ConfigureAwait(false);
        return log.ToString();
    }

    private static async Task<string> Linq(VirtualClock clock)
    {
        var log = new StringBuilder();
        var query = Source(clock)
            .Select(async (int x, CancellationToken ct) =>
            {
                await Task.Run(() => { }, ct).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromMilliseconds(x * 10), clock, ct).ConfigureAwait(false);
                return x;
            })
            .Where(x => x % 3 != 0);
        await foreach (var x in query.ConfigureAwait(false))
        {
            log.Append($"{x}@{clock.Elapsed.TotalMilliseconds} ");
        }

        return log.ToString();

        static async IAsyncEnumerable<int> Source(VirtualClock clock)
        {
            for (var i = 0; i < 25; i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), clock).ConfigureAwait(false);
                yield return i;
            }
        }
    }
}
