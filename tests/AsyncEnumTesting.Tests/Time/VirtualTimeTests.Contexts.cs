namespace AsyncEnumTesting.Tests.Time;

public sealed partial class VirtualTimeTests
{
    [Fact]
    public async Task RunAsync_ConfigureAwaitFalse_StaysDeterministic()
    {
        var log = await VirtualTime.RunAsync(async clock =>
        {
            var entries = new List<string>();
            var a = Worker("a", TimeSpan.FromSeconds(2), clock, entries);
            var b = Worker("b", TimeSpan.FromSeconds(3), clock, entries);
            await Task.WhenAll(a, b);
            return entries;
        });

        Assert.Equal(
            ["a 00:02.000", "b 00:03.000", "a 00:04.000", "b 00:06.000", "a 00:06.000", "b 00:09.000"],
            log);

        static async Task Worker(string name, TimeSpan gap, VirtualClock clock, List<string> entries)
        {
            for (var i = 0; i < 3; i++)
            {
                await Task.Delay(gap, clock).ConfigureAwait(false);
                entries.Add($"{name} {clock.Elapsed:mm\\:ss\\.fff}");
            }
        }
    }

    [Fact]
    public async Task RunAsync_TaskYieldLoop_RunsOnTheRunQueueInOrder()
    {
        var log = await VirtualTime.RunAsync(async clock =>
        {
            var entries = new List<string>();
            await Task.WhenAll(Yielder("x", entries), Yielder("y", entries));
            return entries;
        });

        Assert.Equal(["x0", "y0", "x1", "y1", "x2", "y2"], log);

        static async Task Yielder(string name, List<string> entries)
        {
            for (var i = 0; i < 3; i++)
            {
                entries.Add(name + i);
                await Task.Yield();
            }
        }
    }

    [Fact]
    public async Task RunAsync_SemaphoreSlim_SerializesWorkersAtExactTimes()
    {
        var log = await VirtualTime.RunAsync(async clock =>
        {
            var entries = new List<string>();
            using var gate = new SemaphoreSlim(1);
            await Task.WhenAll(Enumerable.Range(1, 3).Select(i => Worker(i, gate, clock, entries)));
            return entries;
        });

        Assert.Equal(["1 in 00:00.000", "2 in 00:01.000", "3 in 00:02.000"], log);

        static async Task Worker(int id, SemaphoreSlim gate, VirtualClock clock, List<string> entries)
        {
            await gate.WaitAsync();
            try
            {
                entries.Add($"{id} in {clock.Elapsed:mm\\:ss\\.fff}");
                await Task.Delay(TimeSpan.FromSeconds(1), clock);
            }
            finally
            {
                gate.Release();
            }
        }
    }

    [Fact]
    public async Task RunAsync_NestedAsyncMethods_ReturnThroughEveryLevel()
    {
        var result = await VirtualTime.RunAsync(clock => Level(clock, 5));

        Assert.Equal((5, TimeSpan.FromSeconds(15)), result);

        static async Task<(int Depth, TimeSpan At)> Level(VirtualClock clock, int depth)
        {
            await Task.Delay(TimeSpan.FromSeconds(depth), clock);
            if (depth == 1)
            {
                return (1, clock.Elapsed);
            }

            var (inner, at) = await Level(clock, depth - 1);
            return (inner + 1, at);
        }
    }

    [Fact]
    public async Task RunAsync_PostFromOtherThread_RunsOnTheRunThread()
    {
        var same = await VirtualTime.RunAsync(async clock =>
        {
            var runThread = Environment.CurrentManagedThreadId;
            var fromPool = await Task.Run(() => 7);
            return runThread == Environment.CurrentManagedThreadId && fromPool == 7;
        });

        Assert.True(same);
    }

    [Fact]
    public async Task RunAsync_SendFromOtherThread_RunsOnTheRunThread()
    {
        var (runThread, sentOn) = await VirtualTime.RunAsync(async clock =>
        {
            var context = SynchronizationContext.Current!;
            var seen = 0;
            await Task.Run(() => context.Send(_ => seen = Environment.CurrentManagedThreadId, null));
            return (Environment.CurrentManagedThreadId, seen);
        });

        Assert.Equal(runThread, sentOn);
    }

    [Fact]
    public async Task RunAsync_SendThrowsFromOtherThread_RethrowsOnSender()
    {
        var message = await VirtualTime.RunAsync(async clock =>
        {
            var context = SynchronizationContext.Current!;
            return await Task.Run(() =>
            {
                try
                {
                    context.Send(_ => throw new InvalidOperationException("sent work failed"), null);
                    return "no exception";
                }
                catch (InvalidOperationException ex)
                {
                    return ex.Message;
                }
            });
        });

        Assert.Equal("sent work failed", message);
    }

    [Fact]
    public async Task RunAsync_SendOnRunThread_RunsInline()
    {
        var order = await VirtualTime.RunAsync(clock =>
        {
            var entries = new List<string>();
            SynchronizationContext.Current!.Send(_ => entries.Add("sent"), null);
            entries.Add("after");
            return Task.FromResult(entries);
        });

        Assert.Equal(["sent", "after"], order);
    }
}
