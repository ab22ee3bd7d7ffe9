using System.Runtime.CompilerServices;

namespace Polling;

/// <summary>Checks whether a downstream service is healthy (an HTTP health endpoint in production, a fake in tests).</summary>
public interface IHealthEndpoint
{
    /// <summary>Asks the service once.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><see langword="true"/> when the service reports healthy.</returns>
    /// <exception cref="HttpRequestException">The service could not be reached.</exception>
    Task<bool> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>Holds the outcome of one health check.</summary>
/// <param name="At">When the check started.</param>
/// <param name="Healthy">Whether the service answered healthy.</param>
/// <param name="Error">Why the check failed, or <see langword="null"/> when the service answered.</param>
public sealed record HealthSample(DateTimeOffset At, bool Healthy, string? Error = null);

/// <summary>Polls a health endpoint on a fixed schedule and backs off while it cannot be reached.</summary>
/// <param name="endpoint">The endpoint to poll.</param>
/// <param name="clock">The time source: <see cref="TimeProvider.System"/> in production, a virtual clock in tests.</param>
/// <param name="interval">The time between the starts of two checks while the endpoint answers.</param>
/// <param name="maxBackoff">The longest wait after repeated failures.</param>
public sealed class HealthPoller(IHealthEndpoint endpoint, TimeProvider clock, TimeSpan interval, TimeSpan maxBackoff)
{
    /// <summary>Yields one sample per check, forever, until the token is cancelled.</summary>
    /// <param name="cancellationToken">Stops the polling; the wait between checks ends at once.</param>
    /// <returns>The samples, one per check.</returns>
    /// <remarks>
    /// Checks start exactly <c>interval</c> apart: the time a check takes is subtracted from the wait, so the
    /// schedule does not drift. After <c>n</c> failures in a row the next check starts <c>interval × 2^n</c> after
    /// the failed one, at most <c>maxBackoff</c>; the first answer returns to the normal schedule.
    /// </remarks>
    public async IAsyncEnumerable<HealthSample> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var failures = 0;
        while (true)
        {
            var at = clock.GetUtcNow();
            var started = clock.GetTimestamp();
            HealthSample sample;
            try
            {
                var healthy = await endpoint.CheckAsync(cancellationToken);
                sample = new HealthSample(at, healthy);
                failures = 0;
            }
            catch (HttpRequestException ex)
            {
                sample = new HealthSample(at, Healthy: false, ex.Message);
                failures++;
            }

            yield return sample;

            var wait = (failures == 0 ? interval : Backoff(failures)) - clock.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures, 30));
        var wait = interval * factor;
        return wait < maxBackoff ? wait : maxBackoff;
    }
}
