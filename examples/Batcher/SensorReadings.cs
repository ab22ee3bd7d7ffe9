using System.Runtime.CompilerServices;

namespace Batcher;

/// <summary>Plays sensor readings at given virtual times (a stand-in for a device stream).</summary>
public static class SensorReadings
{
    /// <summary>Yields each reading at its time (seconds from the first <c>MoveNextAsync</c>), then completes or throws <paramref name="thenFail"/>.</summary>
    /// <param name="clock">The clock the gaps run on.</param>
    /// <param name="readings">When each reading arrives and its value.</param>
    /// <param name="thenFail">The error after the last reading; none when null.</param>
    /// <param name="cancellationToken">Cancels the wait for the next reading.</param>
    /// <returns>The readings.</returns>
    public static async IAsyncEnumerable<int> Play(
        TimeProvider clock,
        (double AtSeconds, int Value)[] readings,
        Exception? thenFail = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(readings);
        var start = clock.GetTimestamp();
        foreach (var (at, value) in readings)
        {
            var wait = TimeSpan.FromSeconds(at) - clock.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }

            yield return value;
        }

        if (thenFail is not null)
        {
            throw thenFail;
        }
    }
}
