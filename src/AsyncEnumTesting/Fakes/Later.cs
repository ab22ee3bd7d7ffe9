namespace AsyncEnumTesting;

/// <summary>Runs an action soon, on the caller's synchronization context when it has one, never inline.</summary>
/// <remarks>
/// A driven fake completes a consumer's <c>MoveNextAsync</c> this way, so that the consumer never runs inside the test's
/// <c>Emit</c> call and, under <see cref="VirtualTime"/>, runs as ordinary queued work in a fixed order.
/// </remarks>
internal static class Later
{
    public static void Run(Action action)
    {
        var context = SynchronizationContext.Current;
        if (context is not null)
        {
            context.Post(static state => ((Action)state!)(), action);
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static a => a(), action, preferLocal: false);
    }
}
