namespace AsyncEnumTesting;

/// <summary>Counts the continuations a clock woke on foreign synchronization contexts that have not finished yet.</summary>
internal sealed class WorkTracker
{
    private readonly Lock _gate = new();
    private int _pending;
    private TaskCompletionSource? _quiet;

    /// <summary>Gets how many posted continuations are queued or running.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Notes that a continuation was posted.</summary>
    public void Started()
    {
        lock (_gate)
        {
            _pending++;
        }
    }

    /// <summary>Notes that a posted continuation finished.</summary>
    public void Completed()
    {
        TaskCompletionSource? quiet = null;
        lock (_gate)
        {
            if (--_pending == 0)
            {
                quiet = _quiet;
                _quiet = null;
            }
        }

        quiet?.TrySetResult();
    }

    /// <summary>Returns a task that completes when no posted continuation is queued or running.</summary>
    public Task WhenQuietAsync()
    {
        lock (_gate)
        {
            if (_pending == 0)
            {
                return Task.CompletedTask;
            }

            _quiet ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _quiet.Task;
        }
    }
}
