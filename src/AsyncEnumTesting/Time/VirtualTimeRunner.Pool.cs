namespace AsyncEnumTesting;

/// <content>Letting hops just queued to the thread pool start before the clock moves.</content>
/// <remarks>
/// A channel or <c>SemaphoreSlim</c> completes a waiter that captured no context (<c>ChannelReader.ReadAllAsync</c> awaits with
/// <c>ConfigureAwait(false)</c>) by queuing its continuation to the thread pool. Until that work item starts, nothing of
/// the run is visibly in flight, and the next timer could fire first. So before it moves the clock after running work,
/// the run gives such hops a chance to start: when the pool has queued work it sends two markers through the pool's
/// global queue, which is first in, first out, so work queued earlier has been taken and started by the time the
/// second marker ran, and the run's flow tracking (<see cref="AwaitForeignWork"/>) sees it. This narrows the race but
/// cannot close it: an idle pool thread can take the item before the run looks, and then the run cannot tell it from
/// nothing (spinning to wait for it would cost every timer firing and still be a guess). For channels,
/// <c>AllowSynchronousContinuations = true</c> or a reader that keeps the run's context (<c>WaitToReadAsync</c>/<c>TryRead</c>
/// without <c>ConfigureAwait(false)</c>) is deterministic.
/// </remarks>
internal sealed partial class VirtualTimeRunner
{
    private readonly ManualResetEventSlim _marker = new();
    private bool _poolSettled;

    /// <summary>Lets pool work queued by the run's last work start, once per clock move.</summary>
    /// <returns><see langword="true"/> when the caller should look for work again before it moves the clock.</returns>
    private bool SettlePool(TimeSpan grace)
    {
        if (_poolSettled)
        {
            return false;
        }

        _poolSettled = true;
        if (ThreadPool.PendingWorkItemCount == 0)
        {
            return false;
        }

        for (var round = 0; round < 2; round++)
        {
            _marker.Reset();
            ThreadPool.UnsafeQueueUserWorkItem(static marker => marker.Set(), _marker, preferLocal: false);
            if (!_marker.Wait(grace))
            {
                break; // A starved pool: move on rather than stall; the hang guards still apply.
            }
        }

        return true;
    }
}
