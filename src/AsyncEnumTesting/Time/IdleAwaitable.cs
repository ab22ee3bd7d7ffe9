using System.Runtime.CompilerServices;

namespace AsyncEnumTesting;

/// <summary>An awaitable that resumes on the runner's thread once every queued work item has run.</summary>
internal readonly struct IdleAwaitable(VirtualTimeRunner runner)
{
    /// <summary>Gets the awaiter.</summary>
    public Awaiter GetAwaiter() => new(runner);

    /// <summary>Queues the continuation behind all ordinary work of the run.</summary>
    internal readonly struct Awaiter(VirtualTimeRunner runner) : ICriticalNotifyCompletion
    {
        /// <summary>Gets <see langword="false"/>: the point is to let queued work run first.</summary>
        public bool IsCompleted => false;

        /// <summary>Ends the await.</summary>
        public void GetResult()
        {
        }

        /// <inheritdoc />
        public void OnCompleted(Action continuation) => runner.EnqueueIdle(continuation);

        /// <inheritdoc />
        public void UnsafeOnCompleted(Action continuation) => runner.EnqueueIdle(continuation);
    }
}
