namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A consumer that waits for the first quote of a feed, but not forever.</summary>
internal static class FirstQuote
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Bug: the timeout is a <c>CancelAfter</c> on real time, although the consumer was given a clock.</summary>
    public static async Task<int> BuggyAsync(IAsyncEnumerable<int> quotes, TimeProvider clock)
    {
        using var timeout = new CancellationTokenSource();
        timeout.CancelAfter(Timeout);
        try
        {
            await foreach (var quote in quotes.WithCancellation(timeout.Token))
            {
                return quote;
            }

            throw new InvalidOperationException("The feed ended without a quote.");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"No quote within {Timeout}.");
        }
    }

    /// <summary>Twin: the timeout runs on the clock it was given.</summary>
    public static async Task<int> TwinAsync(IAsyncEnumerable<int> quotes, TimeProvider clock)
    {
        using var timeout = new CancellationTokenSource(Timeout, clock);
        try
        {
            await foreach (var quote in quotes.WithCancellation(timeout.Token))
            {
                return quote;
            }

            throw new InvalidOperationException("The feed ended without a quote.");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"No quote within {Timeout}.");
        }
    }
}

public sealed class TimeoutMeasuredWithRealTimeTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "timeout on real time",
        """
        using var timeout = new CancellationTokenSource();
        timeout.CancelAfter(Timeout);   // real time, not new CancellationTokenSource(Timeout, clock)
        await foreach (var quote in quotes.WithCancellation(timeout.Token)) return quote;
        """,
        """
        The virtual-time run is stuck: the body is still waiting (task status WaitingForActivation), but no work is queued and no timer is pending, and nothing posted work for 0.200 s of real time. The body waits on a task that nothing in virtual time will complete: code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), or wait on a TaskCompletionSource, channel or lock that nothing completes. Virtual time reached 00:00.000 after 0 timer firing(s); real time spent <real> s.
        Waiting now:
          scripted sequence "feed" #1 waits in MoveNextAsync (HangUntilCanceled()) since 00:00.000
          probe "quotes" #1 in MoveNextAsync since 00:00.000
        """);

    private static readonly VirtualTimeOptions ShortGrace = new() { RealTimeGrace = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public async Task Twin_SilentFeed_Passes()
    {
        var clock = new VirtualClock();
        var quotes = FakeSequence.Script<int>(clock, "feed").HangUntilCanceled().Probe(new Timeline(clock), "quotes");

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => VirtualTime.RunAsync(clock, c => FirstQuote.TwinAsync(quotes, c), ShortGrace));

        Assert.Equal("No quote within 00:00:30.", ex.Message);
        Assert.Equal(FirstQuote.Timeout, clock.Elapsed);
        Assert.Equal(TimeSpan.FromSeconds(30), Assert.Single(quotes.Enumerations).DisposedAt);
    }

    [Fact]
    public async Task Bug_SilentFeed_FailsNamingTheCause()
    {
        var clock = new VirtualClock();
        var quotes = FakeSequence.Script<int>(clock, "feed").HangUntilCanceled().Probe(new Timeline(clock), "quotes");

        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(clock, c => FirstQuote.BuggyAsync(quotes, c), ShortGrace));

        Assert.Equal(
            Gallery.Message,
            CatalogueText.WithoutRealSeconds(ex.Message));
    }
}
