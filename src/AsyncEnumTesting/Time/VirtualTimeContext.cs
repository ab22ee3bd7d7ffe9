namespace AsyncEnumTesting;

/// <summary>The single-threaded synchronization context of a virtual-time run: posted work waits in the runner's queue.</summary>
internal sealed class VirtualTimeContext(VirtualTimeRunner runner) : SynchronizationContext
{
    /// <inheritdoc />
    public override void Post(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        runner.Enqueue(d, state);
    }

    /// <inheritdoc />
    public override void Send(SendOrPostCallback d, object? state)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (runner.IsOnPumpThread)
        {
            d(state);
            return;
        }

        using var done = new ManualResetEventSlim();
        Exception? failure = null;
        runner.Enqueue(
            _ =>
            {
                try
                {
                    d(state);
                }
#pragma warning disable CA1031 // The failure is rethrown on the sending thread.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failure = ex;
                }
                finally
                {
                    done.Set();
                }
            },
            null);
        done.Wait();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <inheritdoc />
    public override SynchronizationContext CreateCopy() => this;
}
