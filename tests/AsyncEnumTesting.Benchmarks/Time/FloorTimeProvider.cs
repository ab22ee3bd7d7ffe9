namespace AsyncEnumTesting.Benchmarks.Time;

/// <summary>The least a hand-driven virtual <see cref="TimeProvider"/> can do for the delay workload: the floor for the clock.</summary>
/// <remarks>
/// Timers wait in one <see cref="PriorityQueue{TElement, TPriority}"/> ordered by (due tick, creation sequence); a change
/// enqueues the timer again and leaves its old entry stale (an entry carries the version it was queued with). No lock,
/// no tracking of woken work, no synchronization context or execution context handling, no validation: one thread
/// creates, changes and fires. <see cref="Advance"/> fires every timer due on the way in order, each callback inline,
/// as a real timer would run it on its own thread.
/// </remarks>
internal sealed class FloorTimeProvider : TimeProvider
{
    private static readonly DateTimeOffset Origin = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly PriorityQueue<(FloorTimer Timer, int Version), (long Due, long Sequence)> _queue = new();
    private long _nowTicks;
    private long _nextSequence;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Origin.AddTicks(_nowTicks);

    /// <inheritdoc />
    public override long GetTimestamp() => _nowTicks;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FloorTimer(this, callback, state, _nextSequence++);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock by <paramref name="span"/>, firing every timer due on the way in (due, creation) order.</summary>
    public void Advance(TimeSpan span)
    {
        var target = _nowTicks + span.Ticks;
        while (_queue.TryPeek(out var entry, out var due) && due.Due <= target)
        {
            _queue.Dequeue();
            TryFire(entry, due.Due);
        }

        _nowTicks = target;
    }

    /// <summary>Jumps to the earliest pending timer and fires it alone, as an automatic driver does between rounds of work.</summary>
    /// <returns><see langword="false"/> when no timer is pending.</returns>
    public bool FireNext()
    {
        while (_queue.TryDequeue(out var entry, out var due))
        {
            if (TryFire(entry, due.Due))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Fires the timer of a dequeued entry at <paramref name="dueTicks"/>, unless a change made the entry stale.</summary>
    private bool TryFire((FloorTimer Timer, int Version) entry, long dueTicks)
    {
        var timer = entry.Timer;
        if (entry.Version != timer.Version)
        {
            return false;
        }

        _nowTicks = dueTicks;
        if (timer.PeriodTicks > 0)
        {
            Schedule(timer, dueTicks + timer.PeriodTicks);
        }
        else
        {
            timer.Version++;
        }

        timer.Callback(timer.State);
        return true;
    }

    private void Schedule(FloorTimer timer, long due)
    {
        timer.Version++;
        _queue.Enqueue((timer, timer.Version), (due, timer.Sequence));
    }

    private sealed class FloorTimer(FloorTimeProvider owner, TimerCallback callback, object? state, long sequence) : ITimer
    {
        private bool _disposed;

        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        public long Sequence { get; } = sequence;

        public int Version { get; set; }

        public long PeriodTicks { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed)
            {
                return false;
            }

            PeriodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                Version++;
            }
            else
            {
                owner.Schedule(this, owner._nowTicks + dueTime.Ticks);
            }

            return true;
        }

        public void Dispose()
        {
            _disposed = true;
            Version++;
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
