namespace AsyncEnumTesting;

/// <summary>An <see cref="ITimer"/> whose ticks come from a <see cref="VirtualClock"/>, never from real time.</summary>
/// <remarks>
/// A timer keeps its creation sequence for life, so timers due at the same instant fire in creation order even
/// after <see cref="Change"/>. Each (re)scheduling bumps <see cref="Version"/>; the clock's queue drops stale
/// entries lazily instead of searching the heap, which keeps <see cref="Change"/> at O(log n).
/// </remarks>
internal sealed class VirtualTimer : ITimer
{
    private readonly VirtualClock _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private readonly ExecutionContext? _executionContext;

    internal VirtualTimer(VirtualClock clock, TimerCallback callback, object? state, long sequence)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
        Sequence = sequence;
        _executionContext = ExecutionContext.IsFlowSuppressed() ? null : ExecutionContext.Capture();
    }

    /// <summary>Gets the creation order of this timer on its clock; it breaks ties between same-instant timers.</summary>
    internal long Sequence { get; }

    /// <summary>Gets the scheduling version; a queue entry with an older version is stale. Guarded by the clock's lock.</summary>
    internal long Version { get; set; }

    /// <summary>Gets the virtual tick at which the timer fires next. Guarded by the clock's lock.</summary>
    internal long DueTicks { get; set; }

    /// <summary>Gets the period in ticks, or 0 for a one-shot timer. Guarded by the clock's lock.</summary>
    internal long PeriodTicks { get; set; }

    /// <summary>Gets a value indicating whether the timer waits in the clock's queue. Guarded by the clock's lock.</summary>
    internal bool IsScheduled { get; set; }

    /// <summary>Gets a value indicating whether the timer is one of the kit's own deadlines, which a run fires only
    /// after a quiet real-time grace. Set before the timer is scheduled.</summary>
    internal bool IsDeadline { get; set; }

    /// <summary>Gets a value indicating whether the timer was disposed. Guarded by the clock's lock.</summary>
    internal bool IsDisposed { get; set; }

    /// <inheritdoc />
    public bool Change(TimeSpan dueTime, TimeSpan period) => _clock.Change(this, dueTime, period);

    /// <inheritdoc />
    public void Dispose() => _clock.Remove(this);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs the callback in the execution context that was current when the timer was created, as real timers do.</summary>
    internal void Invoke()
    {
        if (_executionContext is null)
        {
            _callback(_state);
            return;
        }

        ExecutionContext.Run(_executionContext, static s => ((VirtualTimer)s!)._callback(((VirtualTimer)s!)._state), this);
    }
}
