using System.Runtime.CompilerServices;
using AsyncEnumTesting.AwesomeAssertions;
using AwesomeAssertions;

namespace AsyncEnumTesting.AwesomeAssertions.Tests;

/// <summary>The AwesomeAssertions package README's first example, compiled and run so the README stays true.</summary>
public sealed class PackageReadmeTests
{
    [Fact]
    public async Task Ticker_TicksEverySecond()
    {
        var clock = new VirtualClock();                              // a real TimeProvider; time moves when the test says
        await Ticker(clock).Take(3).Should(clock).YieldInOrder(1, 2, 3);   // drives the virtual clock while it waits
        clock.Elapsed.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Should_WrongItem_FailsWithTheReadmesMessage()
    {
        var clock = new VirtualClock();

        var ex = await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() => Design(clock).Should(clock, "source").YieldInOrder(1, 2, 3));

        Assert.Equal(
            """
            Expected source to yield {1, 2, 3} in order, but item [2] was 4.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.000  #1 MoveNextAsync -> 1
              00:00.100  #1 MoveNextAsync -> 2
              00:00.200  #1 MoveNextAsync -> 4      <- differs from 3
              00:00.200  #1 DisposeAsync
            """.ReplaceLineEndings(),
            ex.Message);
    }

    private static async IAsyncEnumerable<int> Ticker(TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; ; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            yield return i;
        }
    }

    private static async IAsyncEnumerable<int> Design(TimeProvider clock)
    {
        yield return 1;
        await Task.Delay(TimeSpan.FromMilliseconds(100), clock);
        yield return 2;
        await Task.Delay(TimeSpan.FromMilliseconds(100), clock);
        yield return 4;
    }
}
