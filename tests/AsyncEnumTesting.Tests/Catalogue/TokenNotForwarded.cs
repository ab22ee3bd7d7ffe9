using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>An operator that drops consecutive duplicates from a feed.</summary>
internal static class Distinct
{
    /// <summary>Bug: takes a token but enumerates its source without it, so cancelling the consumer never reaches the source.</summary>
    public static async IAsyncEnumerable<int> BuggyAsync(IAsyncEnumerable<int> source, [EnumeratorCancellation] CancellationToken ct = default)
    {
        int? last = null;
        await foreach (var item in source)
        {
            if (item != last)
            {
                last = item;
                yield return item;
            }
        }
    }

    /// <summary>Twin: passes its token on with <c>WithCancellation</c>.</summary>
    public static async IAsyncEnumerable<int> TwinAsync(IAsyncEnumerable<int> source, [EnumeratorCancellation] CancellationToken ct = default)
    {
        int? last = null;
        await foreach (var item in source.WithCancellation(ct))
        {
            if (item != last)
            {
                last = item;
                yield return item;
            }
        }
    }
}

/// <summary>A consumer that shows feed values until the user closes the view (cancels).</summary>
internal static class FeedView
{
    /// <summary>Shows values until <paramref name="closeAfter"/> were shown, then cancels, as a closing view does.</summary>
    public static async Task<List<int>> ShowAsync(IAsyncEnumerable<int> values, int closeAfter)
    {
        using var close = new CancellationTokenSource();
        var shown = new List<int>();
        try
        {
            await foreach (var value in values.WithCancellation(close.Token))
            {
                shown.Add(value);
                if (shown.Count == closeAfter)
                {
                    await close.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException) when (close.IsCancellationRequested)
        {
            // Closed by the user: the expected way out.
        }

        return shown;
    }
}

public sealed class TokenNotForwardedTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "token not forwarded",
        """
        async IAsyncEnumerable<int> DistinctAsync(IAsyncEnumerable<int> source, [EnumeratorCancellation] CancellationToken ct = default)
        {
            await foreach (var item in source) { … }     // no .WithCancellation(ct): the source never sees the token
        """,
        """
        The virtual-time run is stuck: the body is still waiting (task status WaitingForActivation), but no work is queued and no timer is pending, and nothing posted work for 0.200 s of real time. The body waits on a task that nothing in virtual time will complete: code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), or wait on a TaskCompletionSource, channel or lock that nothing completes. Virtual time reached 00:02.000 after 2 timer firing(s); real time spent <real> s.
        Waiting now:
          scripted sequence "feed" #1 waits in MoveNextAsync (HangUntilCanceled()) since 00:02.000
          probe "feed" #1 in MoveNextAsync since 00:02.000 (token: none)
        """);

    [Fact]
    public async Task Twin_ViewClosedWhileFeedIsSilent_Passes()
    {
        var clock = new VirtualClock();
        var feed = Feed(clock).Probe(new Timeline(clock), "feed");

        var shown = await VirtualTime.RunAsync(clock, _ => FeedView.ShowAsync(Distinct.TwinAsync(feed), closeAfter: 2));

        Assert.Equal([1, 2], shown);
        var enumeration = Assert.Single(feed.Enumerations);
        Assert.True(enumeration.TokenCanBeCanceled);
        Assert.Equal(EnumerationOutcome.Canceled, enumeration.Outcome);
        Assert.True(enumeration.IsDisposed);
    }

    [Fact]
    public async Task Bug_ViewClosedWhileFeedIsSilent_FailsNamingTheCause()
    {
        var clock = new VirtualClock();
        var feed = Feed(clock).Probe(new Timeline(clock), "feed");

        var ex = await Assert.ThrowsAsync<VirtualTimeException>(
            () => VirtualTime.RunAsync(clock, _ => FeedView.ShowAsync(Distinct.BuggyAsync(feed), closeAfter: 2), ShortGrace));

        var enumeration = Assert.Single(feed.Enumerations);
        Assert.False(enumeration.TokenCanBeCanceled);
        Assert.Equal("#1: 3 item(s), Running, not disposed", enumeration.ToString());
        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: none
              00:01.000  #1 MoveNextAsync -> 1
              00:01.000  #1 MoveNextAsync -> 1
              00:02.000  #1 MoveNextAsync -> 2
              00:02.000  #1 MoveNextAsync started
            """,
            feed.ToString());
        Assert.Equal(
            Gallery.Message,
            CatalogueText.WithoutRealSeconds(ex.Message));
    }

    private static readonly VirtualTimeOptions ShortGrace = new() { RealTimeGrace = TimeSpan.FromMilliseconds(200) };

    private static ScriptedSequence<int> Feed(VirtualClock clock) =>
        FakeSequence.Script<int>(clock, "feed").Wait(TimeSpan.FromSeconds(1)).Yield(1, 1).Wait(TimeSpan.FromSeconds(1)).Yield(2).HangUntilCanceled();
}
