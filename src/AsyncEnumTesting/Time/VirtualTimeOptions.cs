namespace AsyncEnumTesting;

/// <summary>Sets the limits of a <see cref="VirtualTime"/> run: how long to wait in real time, how far to go in virtual time.</summary>
public sealed class VirtualTimeOptions
{
    /// <summary>Gets the real time the runner waits for work of the run on other threads: when nothing is runnable and no
    /// timer is pending, before it declares the run hung; and while such work runs, before it fires timers anyway.
    /// Default: 1 second.</summary>
    public TimeSpan RealTimeGrace { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets how much virtual time the run may use before it fails as an endless timer loop. Default: 7 days.</summary>
    public TimeSpan VirtualTimeBudget { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Gets how many timer firings the run may use before it fails as an endless timer loop. Default: 10,000,000.</summary>
    public long MaxTimerFirings { get; init; } = 10_000_000;

    /// <summary>Gets the real time the whole run may take before it fails, whatever it is doing (a busy loop of
    /// <c>Task.Yield()</c> never lets the clock idle). Default: 30 seconds.</summary>
    public TimeSpan RealTimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the options every run uses unless told otherwise.</summary>
    public static VirtualTimeOptions Default { get; } = new();

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RealTimeGrace, TimeSpan.Zero, nameof(RealTimeGrace));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(VirtualTimeBudget, TimeSpan.Zero, nameof(VirtualTimeBudget));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxTimerFirings, 0, nameof(MaxTimerFirings));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RealTimeLimit, TimeSpan.Zero, nameof(RealTimeLimit));
    }
}
