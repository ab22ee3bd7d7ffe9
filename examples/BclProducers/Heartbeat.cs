using System.Runtime.CompilerServices;

namespace BclProducers;

/// <summary>Emits a numbered heartbeat on a <see cref="PeriodicTimer"/>, as a lease-renewal or keep-alive loop would.</summary>
public static class Heartbeat
{
    /// <summary>Yields 1, 2, 3, ... one per <paramref name="period"/>, until cancelled.</summary>
    /// <param name="period">The time between beats.</param>
    /// <param name="clock">The time source the timer runs on.</param>
    /// <param name="cancellationToken">Stops the beats; the wait for the next tick ends at once.</param>
    /// <returns>The beat numbers.</returns>
    /// <remarks>The timer is disposed when the consumer stops, so no tick fires after the last beat.</remarks>
    public static async IAsyncEnumerable<int> BeatsAsync(TimeSpan period, TimeProvider clock, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var timer = new PeriodicTimer(period, clock);
        var beat = 0;
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            yield return ++beat;
        }
    }
}
