using System.Diagnostics;
using System.Threading.Channels;
using AsyncEnumTesting.FluentAssertions;

namespace AsyncEnumTesting.Stress;

/// <summary>Every documented entry point against every hang cause: how long each takes to fail, and with what.</summary>
internal static class HangTable
{
    private static readonly TimeSpan Hard = TimeSpan.FromSeconds(20);

    private static readonly (string Name, Func<VirtualClock, IAsyncEnumerable<int>> Source)[] Causes =
    [
        ("TaskCompletionSource nobody completes", Never),
        ("real Task.Delay (1 h) in code under test", RealDelay),
        ("silent fake (HangUntilCanceled())", clock => FakeSequence.Script<int>(clock).Yield(1).HangUntilCanceled()),
        ("virtual delay (1 min) nothing else drives", VirtualDelay),
        ("endless 1 ms periodic timer", EndlessPoll),
        ("SemaphoreSlim deadlock (sync Wait)", SemaphoreDeadlock),
        ("channel never completed", OpenChannel),
        ("sync over async (.Result on a virtual delay)", SyncOverAsync),
        ("endless source (an item every second, never the one searched for)", clock => FakeSequence.Generate(clock, i => i + 1, TimeSpan.FromSeconds(1))),
    ];

    private static readonly (string Name, Func<IAsyncEnumerable<int>, VirtualClock, Task> Run)[] Entries =
    [
        ("bare clock + AdvanceAsync(1 h)", ManualAdvance),
        ("reader, plain test", ReadTwoAndEnd),
        ("Should(clock), plain test", (s, c) => s.Should(c).YieldInOrder(1, 2)),
        ("VirtualTime.RunAsync, await foreach", (s, c) => VirtualTime.RunAsync(c, async _ => { await foreach (var _1 in s) { } })),
        ("reader inside RunAsync", (s, c) => VirtualTime.RunAsync(c, _ => ReadTwoAndEnd(s, c))),
        ("Should(clock) inside RunAsync", (s, c) => VirtualTime.RunAsync(c, _ => s.Should(c).YieldInOrder(1, 2))),
        ("reader search step, plain test", SearchForNegative),
        ("Should(clock).YieldEventually, plain test", (s, c) => s.Should(c).YieldEventually(x => x < 0)),
        ("reader search step inside RunAsync", (s, c) => VirtualTime.RunAsync(c, _ => SearchForNegative(s, c))),
        ("Should(clock).ContainInOrder inside RunAsync", (s, c) => VirtualTime.RunAsync(c, _ => s.Should(c).ContainInOrder(1, -1))),
    ];

    public static async Task<int> RunAsync()
    {
        Console.WriteLine("| entry point | cause | outcome | real time | message (first 160 characters) |");
        Console.WriteLine("|---|---|---|---:|---|");
        var hung = 0;
        foreach (var (entry, run) in Entries)
        {
            foreach (var (cause, source) in Causes)
            {
                var clock = new VirtualClock();
                var started = Stopwatch.GetTimestamp();

                // Each cell on a thread of its own: a cell that blocks its caller must not block the table.
                var cell = Task.Factory.StartNew(() => run(source(clock), clock), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
                var first = await Task.WhenAny(cell, Task.Delay(Hard)); // real time on purpose: the hard stop of a cell that hangs
                var took = Stopwatch.GetElapsedTime(started);
                string outcome, message;
                if (first != cell)
                {
                    hung++;
                    (outcome, message) = ("HANGS", $"still running after {Hard.TotalSeconds} s");
                }
                else if (cell.Exception?.InnerException is { } ex)
                {
                    (outcome, message) = ("fails", $"{ex.GetType().Name}: {ex.Message}");
                }
                else
                {
                    (outcome, message) = ("proceeds", $"completed; virtual time {clock.Elapsed}");
                }

                message = message.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
                Console.WriteLine($"| {entry} | {cause} | {outcome} | {took.TotalSeconds:0.00} s | {message[..Math.Min(160, message.Length)]} |");
            }
        }

        return hung == 0 ? 0 : 1;
    }

    private static async Task ReadTwoAndEnd(IAsyncEnumerable<int> source, VirtualClock clock)
    {
        await using var reader = source.OpenReader(clock);
        await reader.AwaitItemAsync();
        await reader.AwaitItemAsync();
        await reader.AwaitCompletionAsync();
    }

    /// <summary>A search step: reads items until one matches, which none of the causes' sources ever yields.</summary>
    private static async Task SearchForNegative(IAsyncEnumerable<int> source, VirtualClock clock)
    {
        await using var reader = source.OpenReader(clock);
        await reader.AwaitItemMatchingAsync(x => x < 0, "x < 0");
    }

    private static async Task ManualAdvance(IAsyncEnumerable<int> source, VirtualClock clock)
    {
        var consumer = Task.Run(async () =>
        {
            await foreach (var _ in source)
            {
            }
        });
        await clock.AdvanceAsync(TimeSpan.FromHours(1));
        _ = consumer; // The test's own await of its consumer is its own: AdvanceAsync returned, which is the kit's part.
    }

    private static async IAsyncEnumerable<int> Never(VirtualClock clock)
    {
        yield return 1;
        await new TaskCompletionSource().Task;
        yield return 2;
    }

    private static async IAsyncEnumerable<int> RealDelay(VirtualClock clock)
    {
        yield return 1;
        await Task.Delay(TimeSpan.FromHours(1)); // real time on purpose: the hang cause under test
        yield return 2;
    }

    private static async IAsyncEnumerable<int> VirtualDelay(VirtualClock clock)
    {
        yield return 1;
        await Task.Delay(TimeSpan.FromMinutes(1), clock);
        yield return 2;
    }

    private static async IAsyncEnumerable<int> EndlessPoll(VirtualClock clock)
    {
        yield return 1;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1), clock);
        while (await timer.WaitForNextTickAsync())
        {
        }

        yield return 2;
    }

    private static async IAsyncEnumerable<int> SemaphoreDeadlock(VirtualClock clock)
    {
        yield return 1;
        using var gate = new SemaphoreSlim(0, 1);
        await Task.Yield();
        gate.Wait();
        yield return 2;
    }

    private static async IAsyncEnumerable<int> OpenChannel(VirtualClock clock)
    {
        var channel = Channel.CreateUnbounded<int>();
        await channel.Writer.WriteAsync(1);
        await foreach (var item in channel.Reader.ReadAllAsync())
        {
            yield return item;
        }
    }

    private static async IAsyncEnumerable<int> SyncOverAsync(VirtualClock clock)
    {
        yield return 1;
        await Task.Yield();
        Task.Delay(TimeSpan.FromSeconds(1), clock).Wait();
        yield return 2;
    }
}
