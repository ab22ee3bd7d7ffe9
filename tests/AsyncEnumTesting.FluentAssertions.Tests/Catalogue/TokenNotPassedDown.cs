using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>An operator that scales each reading of a feed.</summary>
internal static class Scale
{
    /// <summary>Bug: enumerates the feed without its own token, so a cancelled consumer waits for the feed's next reading.</summary>
    public static async IAsyncEnumerable<int> BuggyAsync(IAsyncEnumerable<int> feed, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var reading in feed)
        {
            yield return reading * 10;
        }
    }

    /// <summary>Twin: hands the token down, so the feed's pending wait ends when the consumer cancels.</summary>
    public static async IAsyncEnumerable<int> TwinAsync(IAsyncEnumerable<int> feed, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var reading in feed.WithCancellation(ct))
        {
            yield return reading * 10;
        }
    }
}

public sealed class TokenNotPassedDownTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "cancellation not honoured (token not passed down)",
        """
        async IAsyncEnumerable<int> ScaleAsync(IAsyncEnumerable<int> feed, [EnumeratorCancellation] CancellationToken ct = default)
        {
            await foreach (var reading in feed) yield return reading * 10;   // feed.WithCancellation(ct) is missing
        """,
        """
        Expected scaled to stop when its token is cancelled at 00:00.300, but it did not stop before the clock moved on after the token was cancelled at 00:00.300 (without a within argument, no virtual time may pass): after the cancellation it yielded 1 item: 20 at 00:00.400 (00:00.100 after it); the token went no further: the producer passed no cancellable token to "feed" (#1 GetAsyncEnumerator, token: none). A correct producer passes its [EnumeratorCancellation] token to every await (Task.Delay(delay, clock, ct), source.WithCancellation(ct)) and ends with OperationCanceledException once it is cancelled.
        Timeline (virtual time):
          00:00.000  scaled#1 GetAsyncEnumerator  token: cancellable
          00:00.000  scaled#1 MoveNextAsync started
          00:00.000  feed#1   GetAsyncEnumerator  token: none
          00:00.200  feed#1   MoveNextAsync -> 1
          00:00.200  scaled#1 MoveNextAsync -> 10
          00:00.200  scaled#1 MoveNextAsync started
          00:00.200  feed#1   MoveNextAsync started
          00:00.300  scaled#1 token canceled
          00:00.400  feed#1   MoveNextAsync -> 2
          00:00.400  scaled#1 MoveNextAsync -> 20      <- did not stop
          00:00.400  scaled#1 DisposeAsync started
          00:00.400  feed#1   DisposeAsync
          00:00.400  scaled#1 DisposeAsync -> done
        """);

    [Fact]
    public async Task Twin_CanceledWhileFeedWaits_Passes()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var scaled = Scale.TwinAsync(Feed(clock, timeline)).Probe(timeline, "scaled");

        await scaled.Should(clock).HonorCancellation(at: TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task Bug_CanceledWhileFeedWaits_FailsNamingTheCause()
    {
        // No real work to wait for before the failure: 200 ms of grace instead of the default second.
        var clock = new VirtualClock { RealTimeGrace = TimeSpan.FromMilliseconds(200) };
        var timeline = new Timeline(clock);
        var scaled = Scale.BuggyAsync(Feed(clock, timeline)).Probe(timeline, "scaled");

        var message = await CatalogueFailure.Of(() => scaled.Should(clock).HonorCancellation(at: TimeSpan.FromMilliseconds(300)));

        Assert.Equal(Gallery.Message.ReplaceLineEndings(), message);
    }

    private static Probe<int> Feed(VirtualClock clock, Timeline timeline)
    {
        var step = TimeSpan.FromMilliseconds(200);
        return FakeSequence.Script<int>(clock).Wait(step).Yield(1).Wait(step).Yield(2).Wait(step).Yield(3).Complete().Probe(timeline, "feed");
    }
}
