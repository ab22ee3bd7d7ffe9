using System.Runtime.CompilerServices;

namespace Polling.Broken;

/// <summary>Polls like <see cref="HealthPoller"/>, but waits between checks on real time: it forgot to pass the clock.</summary>
/// <remarks>
/// The bug this suite catches: <c>Task.Delay(wait, cancellationToken)</c> without the <see cref="TimeProvider"/>.
/// In production it works; in a test on virtual time it would wait five real seconds per poll. The kit reports it
/// within a short grace instead of hanging the test run.
/// </remarks>
/// <param name="endpoint">The endpoint to poll.</param>
/// <param name="clock">The time source, used for timestamps only (the bug).</param>
/// <param name="interval">The time between two checks.</param>
public sealed class RealTimeHealthPoller(IHealthEndpoint endpoint, TimeProvider clock, TimeSpan interval)
{
    /// <summary>Yields one sample per check until the token is cancelled.</summary>
    /// <param name="cancellationToken">Stops the polling.</param>
    /// <returns>The samples.</returns>
    public async IAsyncEnumerable<HealthSample> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var at = clock.GetUtcNow();
            var healthy = await endpoint.CheckAsync(cancellationToken);
            yield return new HealthSample(at, healthy);
            await Task.Delay(interval, cancellationToken); // BUG: real time; pass the clock.
        }
    }
}
