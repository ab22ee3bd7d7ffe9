using Xunit.Sdk;
using static AsyncEnumTesting.FluentAssertions.Tests.Sources;

namespace AsyncEnumTesting.FluentAssertions.Tests.Sequences;

public sealed partial class AsyncEnumerableAssertionsTests
{
    /// <summary>Creates a clock for a test that fails at a virtual-time limit with no real work running: before the failure
    /// it gives real work 200 ms instead of the default second (the core tests prove the default).</summary>
    private static VirtualClock QuietClock() => new() { RealTimeGrace = TimeSpan.FromMilliseconds(200) };

    private static async Task<string> FailureOf(Func<Task> assertion, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var message = RealTimes((await Assert.ThrowsAsync<XunitException>(assertion)).Message);
        if (Environment.GetEnvironmentVariable("AET_DUMP") is { } dump)
        {
            File.AppendAllText(dump, "=== " + test + "\n" + message + "\n");
        }

        return message;
    }

    [Fact]
    public async Task YieldInOrder_SameItems_Passes()
    {
        var clock = new VirtualClock();
        var source = Every100Ms(clock, 1, 2, 3);

        await source.Should(clock).YieldInOrder(1, 2, 3);

        Assert.Equal(TimeSpan.FromMilliseconds(200), clock.Elapsed);
    }

    [Fact]
    public async Task YieldInOrder_DifferentItem_FailsWithTimeline()
    {
        var clock = new VirtualClock();
        var source = Every100Ms(clock, 1, 2, 4);

        var message = await FailureOf(() => source.Should(clock).YieldInOrder(1, 2, 3));

        Assert.Equal(
            Lines(
                "Expected source to yield {1, 2, 3} in order, but item [2] was 4.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable",
                "  00:00.000  #1 MoveNextAsync -> 1",
                "  00:00.100  #1 MoveNextAsync -> 2",
                "  00:00.200  #1 MoveNextAsync -> 4      <- differs from 3",
                "  00:00.200  #1 DisposeAsync"),
            message);
    }
}
