namespace AsyncEnumTesting.Tests.Time;

/// <summary>The two ways to drive a <see cref="VirtualClock"/>: by hand, or by the virtual-time runner.</summary>
public enum Driving
{
    /// <summary>The test starts the scenario and calls <see cref="VirtualClock.AdvanceAsync"/> itself.</summary>
    Manual,

    /// <summary><see cref="VirtualTime.RunAsync{T}(Func{VirtualClock, Task{T}}, VirtualTimeOptions?)"/> drives the clock.</summary>
    Automatic,
}

/// <summary>Runs one scenario under either driving mode, so each consumer test covers both.</summary>
internal static class Drive
{
    /// <summary>Gets a short grace for runs that must not hang a test.</summary>
    public static VirtualTimeOptions Short { get; } = new() { RealTimeGrace = TimeSpan.FromMilliseconds(200) };

    /// <summary>Runs <paramref name="scenario"/>; by hand it advances the clock by <paramref name="span"/> in one call.</summary>
    public static async Task<T> RunAsync<T>(Driving driving, TimeSpan span, Func<VirtualClock, Task<T>> scenario)
    {
        if (driving == Driving.Automatic)
        {
            return await VirtualTime.RunAsync(scenario, Short);
        }

        var clock = new VirtualClock();
        var task = scenario(clock);
        await clock.AdvanceAsync(span);
        Assert.True(task.IsCompleted, $"The scenario was still running after AdvanceAsync({span}) returned: {task.Status}.");
        return await task;
    }
}
