using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A producer that reads a feed and, when the connection drops, waits a back-off and reconnects.</summary>
internal static class RetryingFeed
{
    public static readonly TimeSpan Backoff = TimeSpan.FromSeconds(30);

    /// <summary>Bug: waits the back-off with <c>Task.Delay(backoff, ct)</c>, on real time, although it was given a clock.</summary>
    public static async IAsyncEnumerable<int> BuggyAsync(Func<IAsyncEnumerable<int>> connect, TimeProvider clock, [EnumeratorCancellation] CancellationToken ct = default)
    {
        while (true)
        {
            var feed = connect().WithCancellation(ct).GetAsyncEnumerator();
            var dropped = false;
            try
            {
                while (true)
                {
                    try
                    {
                        if (!await feed.MoveNextAsync())
                        {
                            yield break;
                        }
                    }
                    catch (IOException)
                    {
                        dropped = true;
                        break;
                    }

                    yield return feed.Current;
                }
            }
            finally
            {
                await feed.DisposeAsync();
            }

            if (dropped)
            {
                await Task.Delay(Backoff, ct);
            }
        }
    }

    /// <summary>Twin: waits the back-off on the clock it was given.</summary>
    public static async IAsyncEnumerable<int> TwinAsync(Func<IAsyncEnumerable<int>> connect, TimeProvider clock, [EnumeratorCancellation] CancellationToken ct = default)
    {
        while (true)
        {
            var feed = connect().WithCancellation(ct).GetAsyncEnumerator();
            var dropped = false;
            try
            {
                while (true)
                {
                    try
                    {
                        if (!await feed.MoveNextAsync())
                        {
                            yield break;
                        }
                    }
                    catch (IOException)
                    {
                        dropped = true;
                        break;
                    }

                    yield return feed.Current;
                }
            }
            finally
            {
                await feed.DisposeAsync();
            }

            if (dropped)
            {
                await Task.Delay(Backoff, clock, ct);
            }
        }
    }
}

public sealed class RealTimeRetryBackoffTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "real time",
        """
        catch (IOException) { dropped = true; }
        …
        await Task.Delay(backoff, ct);   // real time: the clock it was given is not used
        """,
        """
        The virtual-time run is stuck: the body is still waiting (task status WaitingForActivation), but no work is queued and no timer is pending, and nothing posted work for 0.200 s of real time. The body waits on a task that nothing in virtual time will complete: code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), or wait on a TaskCompletionSource, channel or lock that nothing completes. Virtual time reached 00:01.000 after 1 timer firing(s); real time spent <real> s.
        Waiting now:
          probe "quotes" #1 in MoveNextAsync since 00:01.000 (token: none)
        """);

    private static readonly VirtualTimeOptions ShortGrace = new() { RealTimeGrace = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public async Task Twin_ConnectionDropsOnce_Passes()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var feed = RetryingFeed.TwinAsync(Connections(clock), clock).Probe(timeline, "quotes");

        var quotes = await VirtualTime.RunAsync(clock, async _ => await feed.ToListAsync(), ShortGrace);

        Assert.Equal([1, 2, 3], quotes);
        Assert.Equal(TimeSpan.FromSeconds(32), clock.Elapsed);
    }

    [Fact]
    public async Task Bug_ConnectionDropsOnce_FailsNamingTheCause()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var feed = RetryingFeed.BuggyAsync(Connections(clock), clock).Probe(timeline, "quotes");

        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(clock, async _ => await feed.ToListAsync(), ShortGrace));

        Assert.Equal(
            Gallery.Message,
            CatalogueText.WithoutRealSeconds(ex.Message));
    }

    /// <summary>The first connection drops after one quote; the second delivers the rest.</summary>
    private static Func<IAsyncEnumerable<int>> Connections(VirtualClock clock)
    {
        var second = TimeSpan.FromSeconds(1);
        var connections = new Queue<IAsyncEnumerable<int>>(
        [
            FakeSequence.Script<int>(clock, "connection 1").Wait(second).Yield(1).Fail(new IOException("connection reset")),
            FakeSequence.Script<int>(clock, "connection 2").Wait(second).Yield(2, 3).Complete(),
        ]);
        return connections.Dequeue;
    }
}
