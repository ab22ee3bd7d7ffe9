namespace AsyncEnumTesting;

/// <content>Timer owners: which pending timers a producer (and the work it started) created, told apart from the rest.</content>
public sealed partial class VirtualClock
{
    /// <summary>
    /// Makes <paramref name="owner"/> the owner of the timers that the calling flow creates on any <see cref="VirtualClock"/>
    /// until the result is disposed, and of the timers created by work started from it meanwhile (a <c>Task.Run</c>, an async
    /// method), for as long as that work runs.
    /// </summary>
    /// <param name="owner">Any object that stands for the code whose timers count, for example the assertion enumerating a source.</param>
    /// <returns>A scope that restores the previous owner of the calling flow when disposed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="owner"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Use it around each call into the code under test (<c>GetAsyncEnumerator</c>, <c>MoveNextAsync</c>, <c>DisposeAsync</c>),
    /// then ask <see cref="PendingTimerCountOf"/> what that code left pending: unlike a difference of
    /// <see cref="PendingTimerCount"/> before and after, it does not count the timers of work running beside it. The owner
    /// travels with the execution context, so work started with the flow suppressed
    /// (<c>ExecutionContext.SuppressFlow</c>, <c>UnsafeRegister</c>) does not carry it.
    /// </remarks>
    public static IDisposable BeginTimerOwner(object owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return new OwnerScope(TimerTags.Set(owner));
    }

    /// <summary>Gets how many timers that <paramref name="owner"/>'s flow created (see <see cref="BeginTimerOwner"/>) are pending on this clock.</summary>
    /// <param name="owner">The owner given to <see cref="BeginTimerOwner"/>.</param>
    /// <returns>The number of scheduled timers, not yet fired, changed away or disposed, created while <paramref name="owner"/> owned the flow.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="owner"/> is <see langword="null"/>.</exception>
    public int PendingTimerCountOf(object owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        lock (_gate)
        {
            return _timers.CountLive(timer => ReferenceEquals(timer.Tag, owner));
        }
    }

    private sealed class OwnerScope(object? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                TimerTags.Restore(previous);
            }
        }
    }
}
