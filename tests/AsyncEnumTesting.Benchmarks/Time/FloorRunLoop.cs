namespace AsyncEnumTesting.Benchmarks.Time;

/// <summary>The least an automatic driver can do: the floor for <c>VirtualTime.RunAsync</c>.</summary>
/// <remarks>
/// <para>
/// An automatic driver must know when the body has nothing left to run before it jumps to the next timer, so the body's
/// continuations have to come back to it: it runs the body on a synchronization context of its own, and every await of
/// the body posts there. This loop does only that: a locked queue (posts may come from any thread), drained on the
/// calling thread; when it is empty and the body is not done, the earliest timer of a <see cref="FloorTimeProvider"/>
/// fires, one at a time, so the work each timer woke runs before the next fires. No pool tracking, no watchdog, no
/// bounds, no diagnosis: a stalled body throws.
/// </para>
/// <para>
/// With <c>markFlow</c>, the body also runs with an <see cref="AsyncLocal{T}"/> that has a change handler in its
/// execution context, which is how a driver sees the body's work hop to pool threads: every execution context the body's
/// code captures then carries a value, and <c>Task.Delay(…, TimeProvider)</c> copies it when it suppresses the flow.
/// </para>
/// </remarks>
internal sealed class FloorRunLoop : SynchronizationContext
{
    private readonly Lock _gate = new();
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();

    /// <summary>Runs <paramref name="body"/> on a fresh <see cref="FloorTimeProvider"/> until its task completes.</summary>
    public static T Run<T>(Func<TimeProvider, Task<T>> body, bool markFlow)
    {
        var previous = Current;
        var previousFlow = ExecutionContext.Capture();
        var loop = new FloorRunLoop();
        var clock = new FloorTimeProvider();
        if (markFlow)
        {
            _ = new AsyncLocal<FloorRunLoop?>(static _ => { }) { Value = loop };
        }

        SetSynchronizationContext(loop);
        try
        {
            var task = body(clock);
            while (true)
            {
                while (loop.TryTake(out var work))
                {
                    work.Callback(work.State);
                }

                if (task.IsCompleted)
                {
                    return task.GetAwaiter().GetResult();
                }

                if (!clock.FireNext())
                {
                    throw new InvalidOperationException("The body waits, but no timer is pending and nothing is queued.");
                }
            }
        }
        finally
        {
            SetSynchronizationContext(previous);

            // Not flow.Value = null: a value of an AsyncLocal with a change handler stays in the context even when null, so
            // every invocation would leave one more entry behind and each later context switch would copy them all.
            if (previousFlow is not null)
            {
                ExecutionContext.Restore(previousFlow);
            }
        }
    }

    /// <inheritdoc />
    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_gate)
        {
            _queue.Enqueue((d, state));
        }
    }

    /// <inheritdoc />
    public override SynchronizationContext CreateCopy() => this;

    private bool TryTake(out (SendOrPostCallback Callback, object? State) work)
    {
        lock (_gate)
        {
            return _queue.TryDequeue(out work);
        }
    }
}
