namespace AsyncEnumTesting;

/// <summary>Refuses a <c>MoveNextAsync</c> while the previous one is pending and a <c>DisposeAsync</c> during one, and counts disposal once, for a fake's enumerator.</summary>
/// <remarks>
/// A mutable struct: keep it in a (non-readonly) field of the enumerator it guards. One compare-and-swap per call claims the
/// enumerator and, when it is already claimed, tells when the pending call started; nothing is allocated unless a call is
/// refused. The words are <see cref="ProtocolMessages"/>', the same as a probe's and an observable's.
/// </remarks>
internal struct EnumeratorGuard
{
    private const long Idle = 0;
    private const long PendingWithoutClock = -1;

    // Idle; PendingWithoutClock; or, on a clock, the pending call's start (ticks of VirtualClock.Elapsed) plus one.
    private long _state;
    private bool _disposed;

    /// <summary>Claims the enumerator for one <c>MoveNextAsync</c>; <see cref="Exit"/> releases it when the call has its result.</summary>
    /// <exception cref="InvalidOperationException">The previous <c>MoveNextAsync</c> is still pending.</exception>
    public void Enter(string source, int number, VirtualClock? clock)
    {
        var previous = Interlocked.CompareExchange(ref _state, clock is null ? PendingWithoutClock : clock.NowTicks + 1, Idle);
        if (previous != Idle)
        {
            throw new InvalidOperationException(ProtocolMessages.OverlappingMoveNext(ProtocolMessages.Enumeration(source, number), Since(previous)));
        }
    }

    /// <summary>Releases the enumerator: the pending <c>MoveNextAsync</c> has its result.</summary>
    public void Exit() => Volatile.Write(ref _state, Idle);

    /// <summary>Refuses a <c>DisposeAsync</c> while a <c>MoveNextAsync</c> is pending; otherwise tells whether it is the first.</summary>
    /// <returns><see langword="true"/> for the first <c>DisposeAsync</c>, <see langword="false"/> for a later one (.NET allows it).</returns>
    /// <exception cref="InvalidOperationException">A <c>MoveNextAsync</c> is still pending.</exception>
    public bool BeginDispose(string source, int number)
    {
        var state = Volatile.Read(ref _state);
        if (state != Idle)
        {
            throw new InvalidOperationException(ProtocolMessages.DisposeWhileMoveNextPending(ProtocolMessages.Enumeration(source, number), Since(state)));
        }

        if (_disposed)
        {
            return false;
        }

        _disposed = true;
        return true;
    }

    private static TimeSpan? Since(long state) => state == PendingWithoutClock ? null : TimeSpan.FromTicks(state - 1);
}
