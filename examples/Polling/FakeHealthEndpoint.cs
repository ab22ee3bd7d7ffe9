namespace Polling;

/// <summary>Answers health checks after a latency on the given clock, failing the calls a test picks.</summary>
/// <param name="clock">The clock the latency runs on.</param>
/// <param name="latency">How long each check takes.</param>
public sealed class FakeHealthEndpoint(TimeProvider clock, TimeSpan latency) : IHealthEndpoint
{
    private readonly HashSet<int> _failingCalls = [];

    /// <summary>Gets how many checks started.</summary>
    public int Calls { get; private set; }

    /// <summary>Makes the given calls (1-based) fail with <see cref="HttpRequestException"/>.</summary>
    /// <param name="calls">The numbers of the calls that fail.</param>
    /// <returns>This endpoint.</returns>
    public FakeHealthEndpoint FailingCalls(params int[] calls)
    {
        _failingCalls.UnionWith(calls);
        return this;
    }

    /// <inheritdoc />
    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        var call = ++Calls;
        await Task.Delay(latency, clock, cancellationToken);
        return _failingCalls.Contains(call)
            ? throw new HttpRequestException($"GET /health (call {call}) failed: connection refused")
            : true;
    }
}
