using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.FluentAssertions.Tests;

/// <summary>The repository README's first example, compiled and run so the README stays true.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public async Task Ticker_TicksEverySecond()
    {
        var clock = new VirtualClock();                              // a real TimeProvider; time moves when the test says
        var ticks = Ticker(clock).Take(3);                           // your producer: Task.Delay(1 s, clock) between items
        await ticks.Should(clock).YieldInOrder(1, 2, 3);             // three virtual seconds, microseconds of real time
        clock.Elapsed.Should().Be(TimeSpan.FromSeconds(3));
    }

    private static async IAsyncEnumerable<int> Ticker(TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; ; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            yield return i;
        }
    }
}
