namespace AsyncEnumTesting.Tests.Catalogue.Races;

/// <summary>Race: a producer that swallows cancellation ends "normally" with a lost tail when the cancel and its last item coincide.</summary>
public sealed class CancellationRacesCompletion
{
    /// <summary>The consumer cancels at 00:03, the instant the third and last reading is due: either all three readings and
    /// completion, or a cancellation the consumer can see; never a normal end with a reading missing.</summary>
    public static Func<VirtualClock, Task> Scenario(bool buggy) => async clock =>
    {
        using var shutdown = new CancellationTokenSource();
        var readings = new List<int>();
        var consumer = ConsumeAsync(Readings(clock, buggy), readings, shutdown.Token);

        // Armed at 00:02.500 for 00:03.000: created after the producer's last wait, so by default it fires second.
        await Task.Delay(TimeSpan.FromMilliseconds(2500), clock);
        using var cancelAtThree = clock.CreateTimer(static s => ((CancellationTokenSource)s!).Cancel(), shutdown, TimeSpan.FromMilliseconds(500), Timeout.InfiniteTimeSpan);
        var completed = await consumer;
        Assert.True(!completed || readings.Count == 3, $"the stream ended normally after {readings.Count} of 3 readings");
    };

    [Fact]
    public async Task Bug_DefaultOrder_Passes() => await VirtualTime.RunAsync(Scenario(buggy: true));

    [Fact]
    public async Task Bug_Explored_FailsWithTheLostTail()
    {
        var ex = await Assert.ThrowsAsync<ScheduleExplorationException>(() => VirtualTime.ExploreAsync(Scenario(buggy: true)));

        Assert.Contains("the stream ended normally after 2 of 3 readings", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twin_EverySchedule_Passes() => await VirtualTime.ExploreAsync(Scenario(buggy: false), new ExplorationOptions { Schedules = 50 });

    private static async Task<bool> ConsumeAsync(IAsyncEnumerable<int> source, List<int> readings, CancellationToken token)
    {
        try
        {
            await foreach (var reading in source.WithCancellation(token))
            {
                readings.Add(reading);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async IAsyncEnumerable<int> Readings(VirtualClock clock, bool buggy, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken token = default)
    {
        for (var i = 1; i <= 3; i++)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock, token);
            }
            catch (OperationCanceledException) when (buggy)
            {
                yield break; // the bug: a cancelled wait looks like the end of the stream
            }

            yield return i;
        }
    }
}
