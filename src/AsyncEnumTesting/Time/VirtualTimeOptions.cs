namespace AsyncEnumTesting;

/// <summary>Sets the limits of a <see cref="VirtualTime"/> run: how long to wait in real time, how far to go in virtual time.</summary>
public sealed class VirtualTimeOptions
{
    /// <summary>Gets the real time the runner waits for work of the run on other threads: when nothing is runnable and no
    /// timer is pending, before it declares the run hung; and while such work runs, before it fires timers anyway.
    /// Default: 1 second; at most 24.20:31:23.647 (the longest wait the runtime's <c>Monitor.Wait</c> takes).</summary>
    public TimeSpan RealTimeGrace { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets how much virtual time the run may use before it fails as an endless timer loop. Default: 7 days.</summary>
    public TimeSpan VirtualTimeLimit { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Gets how many timer firings the run may use before it fails as an endless timer loop. Default: 1,000,000
    /// (a day of one-second polls is 86,400; an endless 1 ms poll reaches the default in well under a second).</summary>
    public long MaxTimerFirings { get; init; } = 1_000_000;

    /// <summary>Gets the real time the whole run may take before it fails, whatever it is doing (a busy loop of
    /// <c>Task.Yield()</c> never lets the clock idle). Default: 30 seconds.</summary>
    public TimeSpan RealTimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets a value indicating whether the run reports work it started, did not await, and that failed
    /// (fire-and-forget tasks whose fault nobody observed). Default: <see langword="false"/>.</summary>
    /// <remarks>
    /// <para>
    /// It costs what an ordinary run must not pay: while the run lasts it watches first-chance exceptions and unobserved
    /// task faults process-wide, and at its end, if anything but a cancellation was thrown, it forces a full garbage
    /// collection so that the runtime reports faulted tasks nobody references any more. Turn it on for the tests that
    /// look for swallowed failures. Failures of <c>async void</c> methods are reported whatever this says.
    /// </para>
    /// <para>
    /// When the body passed, such a fault fails the run with a <see cref="VirtualTimeException"/> naming it. When the body
    /// failed too, the fault may be the cause (a <c>Task.Run</c> producer that threw before completing the channel the body
    /// waits on, so that the body fails with a timeout): the run fails with a <see cref="VirtualTimeException"/> that gives
    /// the body's failure first and then the fault, and whose <see cref="Exception.InnerException"/> is an
    /// <see cref="AggregateException"/> of the body's exception followed by the faults. A body that failed while no such
    /// fault was found fails the run with its own exception, and a canceled body leaves the run canceled.
    /// </para>
    /// </remarks>
    public bool ReportUnobservedFaults { get; init; }

    /// <summary>Gets the seed of the schedule the run follows where time does not fix the order, or <see langword="null"/>
    /// for the default order. Default: <see langword="null"/>.</summary>
    /// <remarks>
    /// With a seed, every timer due at an instant fires before the work it woke runs, and the order in which same-instant
    /// timers fire and ready continuations run is picked from the seed: the same seed gives the same order on every run.
    /// A failed <see cref="VirtualTime.ExploreAsync(Func{VirtualClock, Task}, ExplorationOptions?)"/> prints the seed to
    /// replay here.
    /// </remarks>
    public int? ScheduleSeed { get; init; }

    /// <summary>Gets the options every run uses unless told otherwise.</summary>
    public static VirtualTimeOptions Default { get; } = new();

    /// <summary>Returns a copy of these options with another <see cref="ScheduleSeed"/>.</summary>
    internal VirtualTimeOptions WithScheduleSeed(int? seed) => new()
    {
        RealTimeGrace = RealTimeGrace,
        VirtualTimeLimit = VirtualTimeLimit,
        MaxTimerFirings = MaxTimerFirings,
        RealTimeLimit = RealTimeLimit,
        ReportUnobservedFaults = ReportUnobservedFaults,
        ScheduleSeed = seed,
    };

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RealTimeGrace, TimeSpan.Zero, nameof(RealTimeGrace));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RealTimeGrace, WaitDefaults.MaxRealTimeGrace, nameof(RealTimeGrace));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(VirtualTimeLimit, TimeSpan.Zero, nameof(VirtualTimeLimit));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxTimerFirings, 0, nameof(MaxTimerFirings));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RealTimeLimit, TimeSpan.Zero, nameof(RealTimeLimit));
    }
}
