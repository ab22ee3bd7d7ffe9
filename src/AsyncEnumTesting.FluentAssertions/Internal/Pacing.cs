namespace AsyncEnumTesting.FluentAssertions;

/// <summary>Bounds every wait of an assertion: virtual time when a <see cref="VirtualClock"/> drives the source, real time otherwise.</summary>
/// <param name="Clock">The clock the source runs on, or <see langword="null"/> when it runs on real time.</param>
/// <param name="Timeout">How long one wait may take; <see langword="null"/> for the default of the clock kind.</param>
internal sealed record Pacing(TimeProvider? Clock, TimeSpan? Timeout)
{
    /// <summary>The default bound of one wait on real time: long enough for slow CI machines, short enough to fail fast.</summary>
    public static readonly TimeSpan DefaultRealTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The default bound of one wait in virtual time: costs nothing in real time, but stops a silent endless poll.</summary>
    public static readonly TimeSpan DefaultVirtualTimeout = TimeSpan.FromHours(1);

    /// <summary>Gets the virtual clock, if the source runs on one.</summary>
    public VirtualClock? Virtual => Clock as VirtualClock;

    /// <summary>Gets how long one wait may take.</summary>
    public TimeSpan Limit => Timeout ?? (Virtual is null ? DefaultRealTimeout : DefaultVirtualTimeout);

    /// <summary>Gets the virtual time now, or <see langword="null"/> on real time.</summary>
    public TimeSpan? Now => Virtual?.Elapsed;

    /// <summary>Waits for <paramref name="task"/> to finish, in any state, for at most <paramref name="limit"/>.</summary>
    /// <returns><see langword="null"/> when the task finished; otherwise why the wait gave up, in words.</returns>
    public async Task<string?> WaitAsync(Task task, TimeSpan? limit = null)
    {
        var bound = limit ?? Limit;
        if (task.IsCompleted)
        {
            return null;
        }

        if (Virtual is { } clock)
        {
            try
            {
                await clock.DriveAsync(Signal(task), bound, clock.RealTimeGrace).ConfigureAwait(false);
                return null;
            }
            catch (VirtualTimeException) when (!task.IsCompleted)
            {
                return clock.NextDueTime is null
                    ? $"nothing can happen any more in virtual time: no timer is pending on the clock at {TimeFormat.Elapsed(clock.Elapsed)} " +
                      $"and nothing completed the wait within {TimeFormat.RealSeconds(clock.RealTimeGrace)} of real time"
                    : $"nothing happened within {TimeFormat.Elapsed(bound)} of virtual time (the clock stands at {TimeFormat.Elapsed(clock.Elapsed)})";
            }
        }

        await task.WaitAsync(bound).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return task.IsCompleted
            ? null
            : $"nothing happened within {TimeFormat.RealSeconds(bound)} of real time (if the source runs on a VirtualClock, pass it: Should(clock))";
    }

    /// <summary>Completes when <paramref name="task"/> finishes, whatever its outcome: the caller reads the outcome itself.</summary>
    private static async Task<bool> Signal(Task task)
    {
        await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return true;
    }
}
