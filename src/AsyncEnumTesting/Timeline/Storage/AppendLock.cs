namespace AsyncEnumTesting;

/// <summary>The lock a timeline's appends take: no atomic operation while one thread appends, a spin lock once a second one does.</summary>
/// <remarks>
/// <para>
/// Most timelines are written by one thread: a test enumerating a synchronous source, an assertion, a virtual-time run.
/// The first thread to append becomes the owner and enters with a plain store of a flag and a read of the mode, where a
/// compare-exchange (which also waits for every pending store of the thread to drain) measured as a third of a probed
/// item's cost. The first append from another thread ends the ownership for good: it takes the spin lock, switches the
/// mode, issues one process-wide memory barrier (<see cref="Interlocked.MemoryBarrierProcessWide"/>, microseconds, once
/// per timeline) and waits for the owner to leave. From then on every append takes the spin lock: one compare-exchange.
/// </para>
/// <para>
/// Why the owner's store and read need no fence of their own (an asymmetric Dekker handshake): the process-wide barrier
/// acts as a full fence on the owner's thread at some point while it runs. If that point falls before the owner reads the
/// mode, the owner reads the new mode and takes the spin lock; if after, its flag was visible before the barrier ended,
/// and the revoking thread waits for it to clear.
/// </para>
/// <para>A mutable struct: kept as a field of its log and only ever used in place.</para>
/// </remarks>
internal struct AppendLock
{
    private const int Unowned = 0;
    private const int Owned = 1;
    private const int Shared = 2;

    private int _mode;
    private Thread? _owner;
    private int _ownerInside;
    private int _spin;
    private bool _heldByOwner; // read and written by the holder only

    /// <summary>Enters; every append holds the lock for a few instructions only, and never calls out while holding it.</summary>
    /// <returns>Whether the caller entered as the owner (pass it to <see cref="Reenter"/>).</returns>
    public bool Enter() =>
        Volatile.Read(ref _mode) == Owned && _owner == Thread.CurrentThread ? EnterOwned() || EnterShared() : EnterShared();

    /// <summary>Enters again from the thread whose last <see cref="Enter"/> returned <paramref name="owned"/>, in the same synchronous call.</summary>
    /// <remarks>An owner stays the owner until the ownership ends for good, so the thread needs no check: a probe's second step per item skips it.</remarks>
    /// <returns>Whether the caller entered as the owner.</returns>
    public bool Reenter(bool owned) => owned ? EnterOwned() || EnterShared() : Enter();

    /// <summary>Enters as the owner unless the ownership ended; the caller is the owner's thread.</summary>
    private bool EnterOwned()
    {
        Volatile.Write(ref _ownerInside, 1);
        if (Volatile.Read(ref _mode) == Owned)
        {
            _heldByOwner = true;
            return true;
        }

        Volatile.Write(ref _ownerInside, 0);
        return false;
    }

    /// <summary>Leaves: a plain store with release semantics either way.</summary>
    public void Exit()
    {
        if (_heldByOwner)
        {
            _heldByOwner = false;
            Volatile.Write(ref _ownerInside, 0);
        }
        else
        {
            Volatile.Write(ref _spin, 0);
        }
    }

    /// <summary>Takes the spin lock; on the first append the caller becomes the owner, on the first from another thread the ownership ends.</summary>
    /// <returns>Always <see langword="false"/>: the caller holds the spin lock, not the ownership.</returns>
    private bool EnterShared()
    {
        if (Interlocked.CompareExchange(ref _spin, 1, 0) != 0)
        {
            Contend();
        }

        // Only a holder of the spin lock changes the mode, so this read is current.
        var mode = _mode;
        var me = Thread.CurrentThread;
        if (mode == Unowned)
        {
            _owner = me;
            Volatile.Write(ref _mode, Owned);
        }
        else if (mode == Owned && _owner != me)
        {
            Volatile.Write(ref _mode, Shared);
            Interlocked.MemoryBarrierProcessWide();
            if (Volatile.Read(ref _ownerInside) != 0)
            {
                var spin = default(SpinWait);
                while (Volatile.Read(ref _ownerInside) != 0)
                {
                    spin.SpinOnce(sleep1Threshold: -1);
                }
            }
        }

        _heldByOwner = false;
        return false;
    }

    private void Contend()
    {
        var spin = default(SpinWait);
        do
        {
            // The holder is a few instructions from releasing; never sleep a whole millisecond for it.
            spin.SpinOnce(sleep1Threshold: -1);
        }
        while (Volatile.Read(ref _spin) != 0 || Interlocked.CompareExchange(ref _spin, 1, 0) != 0);
    }
}
