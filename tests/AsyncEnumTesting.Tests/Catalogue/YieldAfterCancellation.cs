using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A producer that reports a sensor reading every ten seconds.</summary>
internal static class SensorReadings
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>Bug: a "graceful" stop: it swallows the cancellation of its wait and still yields one more reading.</summary>
    public static async IAsyncEnumerable<int> BuggyAsync(Func<int> read, TimeProvider clock, [EnumeratorCancellation] CancellationToken ct = default)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, clock, ct);
            }
            catch (OperationCanceledException)
            {
                // Stopping: report the last value anyway.
            }

            yield return read();
        }
    }

    /// <summary>Twin: lets the cancellation end the sequence.</summary>
    public static async IAsyncEnumerable<int> TwinAsync(Func<int> read, TimeProvider clock, [EnumeratorCancellation] CancellationToken ct = default)
    {
        while (true)
        {
            await Task.Delay(Interval, clock, ct);
            yield return read();
        }
    }
}

public sealed class YieldAfterCancellationTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "yield after cancellation",
        """
        try { await Task.Delay(Interval, clock, ct); }
        catch (OperationCanceledException) { }   // "graceful" stop
        yield return read();                     // one more reading after the cancel
        """,
        """
        Expected "readings" to stop after cancellation, but it yielded 2 at 00:14.000, after the token was canceled. A producer must end (throw OperationCanceledException, or complete) once its token is canceled.
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator  token: cancellable
          00:10.000  #1 MoveNextAsync -> 1
          00:10.000  #1 MoveNextAsync started
          00:14.000  #1 token canceled
          00:14.000  #1 MoveNextAsync -> 2      <- yielded after cancellation
        """);

    [Fact]
    public async Task Twin_CanceledBetweenReadings_Passes()
    {
        await VirtualTime.RunAsync(async clock =>
        {
            var next = 0;
            await using var reader = SensorReadings.TwinAsync(() => ++next, clock).OpenReader(clock, new() { Name = "readings" });
            Assert.Equal(1, await reader.AwaitItemAsync());
            await clock.AdvanceAsync(TimeSpan.FromSeconds(4));
            await reader.CancelAsync();
        });
    }

    [Fact]
    public async Task Bug_CanceledBetweenReadings_FailsNamingTheCause()
    {
        var message = await VirtualTime.RunAsync(async clock =>
        {
            var next = 0;
            var reader = SensorReadings.BuggyAsync(() => ++next, clock).OpenReader(clock, new() { Name = "readings" });
            Assert.Equal(1, await reader.AwaitItemAsync());
            await clock.AdvanceAsync(TimeSpan.FromSeconds(4));
            var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.CancelAsync);
            await reader.DisposeAsync();
            return ex.Message;
        });

        Assert.Equal(
            Gallery.Message,
            message);
    }
}
