namespace AsyncEnumTesting;

/// <summary>An <see cref="ITimer"/> whose ticks come from a <see cref="VirtualClock"/>, never from real time.</summary>
/// <remarks>
/// <para>
/// A timer keeps its creation sequence for life, so timers due at the same instant fire in creation order even
/// after <see cref="Change"/>. Each (re)scheduling bumps the version in <see cref="Stamp"/>; the clock's queue drops
/// stale entries lazily instead of searching for them, which keeps <see cref="Change"/> cheap. The due tick lives in
/// the queue, not here.
/// </para>
/// <para>
/// 64 bytes, the size of the least timer a virtual clock can keep (see the benchmarks' <c>FloorTimeProvider</c>): with
/// 100,000 sequences waiting, every pending timer is live data the collector walks. The flags share one word with the
/// version, and what few timers need (a captured execution context, a period) sits in a <see cref="TimerExtras"/>
/// allocated only for them: the BCL's <c>Task.Delay</c>, <c>PeriodicTimer</c> and token sources create timers with the
/// flow suppressed, and most are one-shot.
/// </para>
/// </remarks>
internal sealed class VirtualTimer : ITimer
{
    /// <summary>The step between versions in <see cref="Stamp"/>; the bits below it are flags.</summary>
    private const long VersionStep = 8;
    private const long ScheduledFlag = 1;
    private const long DisposedFlag = 2;
    private const long DeadlineFlag = 4;

    private readonly VirtualClock _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private TimerExtras? _extras;

    internal VirtualTimer(VirtualClock clock, TimerCallback callback, object? state, long sequence)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
        Sequence = sequence;
        var tag = TimerTags.Current;
        if (!ExecutionContext.IsFlowSuppressed())
        {
            _extras = new TimerExtras { Context = ExecutionContext.Capture(), Tag = tag };
        }
        else if (tag is not null)
        {
            _extras = new TimerExtras { Tag = tag };
        }
    }

    /// <summary>Gets the tag of the flow that created this timer (<see cref="TimerTags"/>), or <see langword="null"/>.</summary>
    internal object? Tag => _extras?.Tag;

    /// <summary>Gets the creation order of this timer on its clock; it breaks ties between same-instant timers.</summary>
    internal long Sequence { get; }

    /// <summary>Gets the scheduling version and the flags; a queue entry holding another stamp is stale. Guarded by the clock's lock.</summary>
    /// <remarks>Every entry is made while the timer is scheduled, so an equal stamp also means "still scheduled".</remarks>
    internal long Stamp { get; private set; }

    /// <summary>Gets the period in ticks, or 0 for a one-shot timer. Guarded by the clock's lock.</summary>
    internal long PeriodTicks
    {
        get => _extras?.PeriodTicks ?? 0;
        set
        {
            if (value != 0 || _extras is not null)
            {
                (_extras ??= new TimerExtras()).PeriodTicks = value;
            }
        }
    }

    /// <summary>Gets a value indicating whether the timer waits in the clock's queue. Guarded by the clock's lock.</summary>
    internal bool IsScheduled => (Stamp & ScheduledFlag) != 0;

    /// <summary>Gets a value indicating whether the timer is one of the kit's own deadlines, which a run fires only
    /// after a quiet real-time grace. Set before the timer is scheduled.</summary>
    internal bool IsDeadline
    {
        get => (Stamp & DeadlineFlag) != 0;
        set => Stamp = value ? Stamp | DeadlineFlag : Stamp & ~DeadlineFlag;
    }

    /// <summary>Gets a value indicating whether the timer was disposed. Guarded by the clock's lock.</summary>
    internal bool IsDisposed => (Stamp & DisposedFlag) != 0;

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

    /// <summary>Marks the timer scheduled under a new version (its older entries go stale) and returns the stamp to queue.</summary>
    internal long MarkScheduled() => Stamp = (Stamp + VersionStep) | ScheduledFlag;

    /// <summary>Marks the timer out of the queue under a new version, so every entry of it goes stale.</summary>
    internal void MarkUnscheduled() => Stamp = (Stamp + VersionStep) & ~ScheduledFlag;

    /// <summary>Marks the timer disposed; the caller takes it out of the queue.</summary>
    internal void MarkDisposed() => Stamp |= DisposedFlag;

    /// <summary>Runs the callback in the execution context that was current when the timer was created, as real timers do.</summary>
    internal void Invoke()
    {
        if (_extras?.Context is not { } context)
        {
            _callback(_state);
            return;
        }

        ExecutionContext.Run(context, static s => ((VirtualTimer)s!)._callback(((VirtualTimer)s!)._state), this);
    }

    /// <summary>What only some timers need, kept out of every timer's 64 bytes.</summary>
    private sealed class TimerExtras
    {
        /// <summary>Gets the execution context captured at creation, when the flow was not suppressed.</summary>
        public ExecutionContext? Context { get; init; }

        /// <summary>Gets the tag of the flow that created the timer, or <see langword="null"/>.</summary>
        public object? Tag { get; init; }

        /// <summary>Gets or sets the period in ticks, or 0.</summary>
        public long PeriodTicks { get; set; }
    }
}
