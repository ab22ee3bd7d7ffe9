namespace AsyncEnumTesting.Testing;

/// <summary>Makes a run end in a late start on purpose: what a pool thread held up by a loaded machine does, made exact.</summary>
/// <remarks>Linked into the test projects that need it (tests/Shared).</remarks>
internal static class LateStartBody
{
    /// <summary>Queues work that a pool thread takes before the clock moves and that enters the run only after it moved.</summary>
    public static async Task RunAsync(VirtualClock clock)
    {
        using var moved = new ManualResetEventSlim();
        var runContext = ExecutionContext.Capture()!;
        var taken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ThreadPool.UnsafeQueueUserWorkItem(
            _ =>
            {
                // Running means taken: the take was reported before this ran, and no timer is pending yet to move the clock.
                taken.SetResult();
                moved.Wait(TimeSpan.FromSeconds(10));
                ExecutionContext.Run(runContext, _ => started.SetResult(), null);
            },
            null);
        await taken.Task;
        await Task.Delay(TimeSpan.FromSeconds(1), clock);
        moved.Set();
        await started.Task;
        await Task.Delay(TimeSpan.FromSeconds(1), clock);
    }
}
