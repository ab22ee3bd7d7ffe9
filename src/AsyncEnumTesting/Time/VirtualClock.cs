
namespace AsyncEnumTesting;

/// <summary>Provides a <see cref="TimeProvider"/> whose time moves only when a test advances it.</summary>
/// <remarks>
/// <para>
/// Code under test that takes a <see cref="TimeProvider"/> (<c>Task.Delay(d, clock)</c>, <c>new PeriodicTimer(p, clock)</c>,
/// <c>task.WaitAsync(t, clock)</c>, <c>new CancellationTokenSource(t, clock)</c>, <c>clock.GetTimestamp()</c>) runs on
/// virtual time: an hour passes in microseconds, in the same order on every run.
/// </para>
/// <para>
/// Timers wait in a priority queue ordered by (due time, creation order): timers due at the same instant fire in
/// the order they were created, also after <see cref="ITimer.Change"/>. A periodic timer's next tick is its previous
/// due time plus its period, so it never drifts.
/// </para>
/// <para>
/// Drive it by hand with <see cref="AdvanceAsync"/> and <see cref="AdvanceToAsync"/>, or let
/// <see cref="VirtualTime.RunAsync(Func{VirtualClock, Task}, VirtualTimeOptions?)"/> jump to the next timer whenever
/// nothing else can run. Both fire one timer at a time and let the work it woke run before the next one fires; work
/// on the thread pool is the exception, see <see cref="AdvanceAsync"/> and <see cref="VirtualTime"/> for exactly what
/// is waited for.
/// </para>
/// <para>
/// <b>The synchronization context.</b> The kit changes the ambient <see cref="SynchronizationContext"/> in exactly three
/// places, each only when the caller runs on a context that is not the kit's own (xunit v2 installs one for async tests;
/// a plain thread-pool caller has none and nothing changes): the clock's constructor, <see cref="CreateTimer"/> and
/// <c>OpenReader(clock)</c>. Each wraps the caller's context in a counting wrapper for the rest of the calling method
/// (an async method restores its context when it returns), so that <see cref="AdvanceAsync"/> can wait for the
/// continuations that the woken code posts there. The wrapper posts to the original context unchanged. Inside
/// <see cref="VirtualTime"/>'s runs the run's own context is current and nothing is wrapped.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var clock = new VirtualClock();
/// var delay = Task.Delay(TimeSpan.FromHours(1), clock);
/// await clock.AdvanceAsync(TimeSpan.FromHours(1)); // returns at once, with the delay completed
/// </code>
/// </example>
public sealed partial class VirtualClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly TimerQueue _timers = new();
    private readonly DateTimeOffset _start;
    private readonly TimeZoneInfo _localTimeZone;
    private long _nowTicks;
    private long _nextSequence;
    private long _firings;

    /// <summary>Initializes a new clock at <see cref="DefaultStart"/> in the UTC time zone.</summary>
    public VirtualClock()
        : this(DefaultStart)
    {
    }

    /// <summary>Initializes a new clock at <paramref name="start"/>, in the UTC time zone unless <paramref name="localTimeZone"/> is given.</summary>
    /// <param name="start">The instant the clock shows before it is advanced.</param>
    /// <param name="localTimeZone">The zone <see cref="LocalTimeZone"/> reports; UTC when <see langword="null"/>.</param>
    /// <remarks>
    /// When the calling thread runs on a synchronization context that is not the kit's own (xunit installs one for async
    /// tests), the clock wraps that context for the rest of the calling method, so that continuations of everything the
    /// method starts afterwards are tracked and <see cref="AdvanceAsync"/> waits for them.
    /// </remarks>
    public VirtualClock(DateTimeOffset start, TimeZoneInfo? localTimeZone = null)
    {
        _start = start.ToUniversalTime();
        _localTimeZone = localTimeZone ?? TimeZoneInfo.Utc;
        Waiters.FailableAdded += ArmUndrivenWatch;
        TrackingSynchronizationContext.AdoptCurrent(Tracker);
        PoolTakes.CurrentRun?.NoteClockCreated(this);
    }

    /// <summary>Gets the instant every clock starts at unless told otherwise: 2000-01-01T00:00:00Z, so messages show stable timestamps.</summary>
    public static DateTimeOffset DefaultStart { get; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The longest due time or period a timer accepts, as for <see cref="TimeProvider.System"/>: 4294967294 ms.</summary>
    internal static readonly TimeSpan MaxTimerSpan = TimeSpan.FromMilliseconds(4294967294);

    /// <summary>Gets the instant this clock started at.</summary>
    public DateTimeOffset Start => _start;

    /// <summary>Gets the virtual time that has passed since <see cref="Start"/>.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Volatile.Read(ref _nowTicks));

    /// <summary>Gets how many timers are scheduled and not yet fired, changed away or disposed.</summary>
    public int PendingTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    /// <summary>Gets the instant the next timer falls due, or <see langword="null"/> when no timer is pending.</summary>
    public DateTimeOffset? NextDueTime
    {
        get
        {
            lock (_gate)
            {
                return _timers.TryPeek(out _, out var dueTicks) ? _start.AddTicks(dueTicks) : null;
            }
        }
    }

    /// <summary>Gets how many timer callbacks this clock has run.</summary>
    public long TimerFirings => Interlocked.Read(ref _firings);

    /// <summary>Gets or sets how long, in real time, <see cref="AdvanceAsync"/> waits for work it woke on another
    /// synchronization context to finish before it fails with a diagnosis. Default: 1 second.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive, or longer than 24.20:31:23.647 (the longest
    /// wait the runtime's <c>Monitor.Wait</c> takes).</exception>
    public TimeSpan RealTimeGrace
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, WaitDefaults.MaxRealTimeGrace);
            field = value;
        }
    } = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    /// <remarks>Virtual ticks: <see cref="TimeSpan.TicksPerSecond"/> per second.</remarks>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _localTimeZone;

    /// <summary>Gets the runner that drives this clock now, if any.</summary>
    internal VirtualTimeRunner? Runner { get; private set; }

    /// <summary>Gets who waits on this clock right now, for hang diagnoses.</summary>
    internal WaiterRegistry Waiters { get; } = new();

    /// <summary>Gets the tracker of work this clock woke on foreign synchronization contexts.</summary>
    internal WorkTracker Tracker { get; } = new();

    /// <summary>Gets the virtual tick count since <see cref="Start"/>.</summary>
    internal long NowTicks => Volatile.Read(ref _nowTicks);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _start.AddTicks(Volatile.Read(ref _nowTicks));

    /// <inheritdoc />
    public override long GetTimestamp() => Volatile.Read(ref _nowTicks);

    /// <inheritdoc />
    /// <remarks>
    /// The timer fires only when the clock is advanced. When the caller runs on a synchronization context that is
    /// not the kit's own (xunit installs one for async tests), the clock wraps that context for the rest of the
    /// calling method so that <see cref="AdvanceAsync"/> can wait for the continuations the timer wakes.
    /// </remarks>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ValidateTimerSpan(dueTime, nameof(dueTime));
        ValidateTimerSpan(period, nameof(period));
        TrackingSynchronizationContext.AdoptCurrent(Tracker);

        VirtualTimer timer;
        lock (_gate)
        {
            timer = new VirtualTimer(this, callback, state, _nextSequence++);
            ChangeLocked(timer, dueTime, period);
        }

        // Only a schedule's report names timers by the code that made them: walking the stack costs too much otherwise.
        if (Runner?.Schedule is { } schedule)
        {
            schedule.NoteTimerCreator(timer.Sequence, CodeNames.Caller());
        }

        return timer;
    }

    /// <summary>Returns a short description: the virtual time and what is pending.</summary>
    /// <returns>For example <c>VirtualClock at 00:05.000 (2000-01-01T00:00:05.000Z), 2 timers pending</c>.</returns>
    public override string ToString() =>
        $"VirtualClock at {TimeFormat.Elapsed(Elapsed)} ({TimeFormat.Instant(GetUtcNow())}), {PendingTimerCount} timer(s) pending";

    /// <summary>Reschedules <paramref name="timer"/>; false once it is disposed.</summary>
    internal bool Change(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        ValidateTimerSpan(dueTime, nameof(dueTime));
        ValidateTimerSpan(period, nameof(period));
        lock (_gate)
        {
            if (timer.IsDisposed)
            {
                return false;
            }

            ChangeLocked(timer, dueTime, period);
            return true;
        }
    }

    /// <summary>Disposes <paramref name="timer"/>: it never fires again.</summary>
    internal void Remove(VirtualTimer timer)
    {
        lock (_gate)
        {
            timer.MarkDisposed();
            _timers.Unschedule(timer);
        }
    }

    private static void ValidateTimerSpan(TimeSpan span, string name)
    {
        if ((span < TimeSpan.Zero && span != Timeout.InfiniteTimeSpan) || span > MaxTimerSpan)
        {
            throw new ArgumentOutOfRangeException(
                name,
                span,
                $"A timer's {name} must be zero or more and at most {MaxTimerSpan} (4294967294 ms, as for TimeProvider.System), or Timeout.InfiniteTimeSpan; it was {span}.");
        }
    }

    private void ChangeLocked(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        timer.PeriodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            _timers.Unschedule(timer);
            return;
        }

        // No overflow: a due time is at most MaxTimerSpan, and the clock never passes MaxTicks (AdvanceAsync checks it).
        _timers.Schedule(timer, _nowTicks + dueTime.Ticks);
        Runner?.OnTimerScheduled();
        _timerScheduled?.TrySetResult();
    }
}
