using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A producer that polls a status every few minutes on the given clock.</summary>
internal static class StatusPoller
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// <summary>Bug: takes the token but never passes it to its awaits, so a cancelled consumer waits out the whole interval.</summary>
    public static async IAsyncEnumerable<int> BuggyAsync(TimeProvider clock, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var poll = 1; ; poll++)
        {
            yield return poll;
            await Task.Delay(Interval, clock);
        }
    }

    /// <summary>Twin: the token reaches the delay, which ends at once when it is cancelled.</summary>
    public static async IAsyncEnumerable<int> TwinAsync(TimeProvider clock, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var poll = 1; ; poll++)
        {
            yield return poll;
            await Task.Delay(Interval, clock, ct);
        }
    }
}

public sealed class IgnoredCancellationTokenTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "ignored token",
        """
        for (var poll = 1; ; poll++)
        {   yield return poll;
            await Task.Delay(Interval, clock); }   // the [EnumeratorCancellation] token never reaches the delay
        """,
        """
        Expected "status" to stop after cancellation, but it yielded 2 at 05:00.000, after the token was canceled. A producer must end (throw OperationCanceledException, or complete) once its token is canceled.
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator  token: cancellable
          00:00.000  #1 MoveNextAsync -> 1
          00:00.000  #1 MoveNextAsync started
          00:00.000  #1 token canceled
          05:00.000  #1 MoveNextAsync -> 2      <- yielded after cancellation
        """);

    [Fact]
    public async Task Twin_CanceledBetweenPolls_Passes()
    {
        var stoppedAt = await VirtualTime.RunAsync(async clock =>
        {
            await using var reader = StatusPoller.TwinAsync(clock).OpenReader(clock, new() { Name = "status" });
            Assert.Equal(1, await reader.AwaitItemAsync());
            await reader.CancelAsync();
            return clock.Elapsed;
        });

        Assert.Equal(TimeSpan.Zero, stoppedAt);
    }

    [Fact]
    public async Task Bug_CanceledBetweenPolls_FailsNamingTheCause()
    {
        var message = await VirtualTime.RunAsync(async clock =>
        {
            await using var reader = StatusPoller.BuggyAsync(clock).OpenReader(clock, new() { Name = "status" });
            Assert.Equal(1, await reader.AwaitItemAsync());
            var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.CancelAsync);
            return ex.Message;
        });

        Assert.Equal(
            Gallery.Message,
            message);
    }
}
