namespace AsyncEnumTesting;

/// <content>The run's queues: work posted on its thread and work posted from others.</content>
internal sealed partial class VirtualTimeRunner
{
    /// <summary>Queues posted work; any thread may call it.</summary>
    public void Enqueue(SendOrPostCallback callback, object? state)
    {
        if (IsOnPumpThread)
        {
            _local.Enqueue((callback, state));
            return;
        }

        lock (_signal)
        {
            _foreign.Enqueue((callback, state));
            _foreignCount++;
            Monitor.Pulse(_signal);
        }
    }

    /// <summary>Wakes the run when another thread scheduled a timer or completed something it may wait for.</summary>
    /// <remarks>Called under the clock's lock; the run never takes that lock while it holds its own.</remarks>
    public void OnTimerScheduled()
    {
        if (!IsOnPumpThread)
        {
            Wake();
        }
    }

    private void Wake()
    {
        lock (_signal)
        {
            _wakeRequested = true;
            Monitor.PulseAll(_signal);
        }
    }

    private void TakeForeignWork()
    {
        lock (_signal)
        {
            while (_foreign.TryDequeue(out var work))
            {
                _local.Enqueue(work);
            }

            _foreignCount = 0;
        }
    }
}
