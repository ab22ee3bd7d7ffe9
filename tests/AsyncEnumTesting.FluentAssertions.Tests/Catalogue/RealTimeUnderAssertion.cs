using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A heartbeat source that waits between beats.</summary>
internal static class Heartbeat
{
    // A minute: long enough that the real-time wait never ends during the test (the assertion cancels it when it gives up).
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>Bug: waits with <c>Task.Delay(interval)</c>, on real time, although it was given a clock.</summary>
    public static async IAsyncEnumerable<int> BuggyAsync(TimeProvider clock, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var beat = 1; beat <= 2; beat++)
        {
            yield return beat;
            // Real time on purpose: this is the bug the entry shows. Without the token too, so the timeline's end does not
            // depend on when the thread pool runs the cancelled delay's continuation.
            await Task.Delay(Interval, CancellationToken.None);
        }
    }

    /// <summary>Twin: waits on the clock it was given.</summary>
    public static async IAsyncEnumerable<int> TwinAsync(TimeProvider clock, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var beat = 1; beat <= 2; beat++)
        {
            yield return beat;
            await Task.Delay(Interval, clock, ct);
        }
    }
}

public sealed class RealTimeUnderAssertionTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "real time under Should(clock)",
        """
        async IAsyncEnumerable<int> BeatsAsync(TimeProvider clock, [EnumeratorCancellation] CancellationToken ct = default)
        {   for (var beat = 1; beat <= 2; beat++)
            {   yield return beat; await Task.Delay(Interval); } }   // real time on purpose: the clock is not passed (the bug)
        """,
        """
        Expected beats to yield {1, 2} in order, but after 1 item, nothing can happen any more in virtual time: no timer is pending on the clock at 00:00.000 and nothing completed the wait within 0.050 s of real time: code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), or wait on a TaskCompletionSource, channel or lock that nothing completes.
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator  token: cancellable
          00:00.000  #1 MoveNextAsync -> 1
          00:00.000  #1 MoveNextAsync started      <- expected 2
          00:00.000  #1 token canceled
        """);

    [Fact]
    public async Task Twin_TwoBeats_Passes()
    {
        var clock = new VirtualClock();

        await Heartbeat.TwinAsync(clock).Should(clock, "beats").YieldInOrder(1, 2);
    }

    [Fact]
    public async Task Bug_TwoBeats_FailsNamingTheCause()
    {
        var clock = new VirtualClock { RealTimeGrace = TimeSpan.FromMilliseconds(50) };

        var message = await CatalogueFailure.Of(() => Heartbeat.BuggyAsync(clock).Should(clock, "beats").YieldInOrder(1, 2));

        Assert.Equal(Gallery.Message.ReplaceLineEndings(), message);
    }
}
