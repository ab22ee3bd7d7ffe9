namespace AsyncEnumTesting;

/// <summary>Reports a schedule under which the test body failed: its seed, how to replay it, and what ran in an unusual order.</summary>
/// <remarks>The body's own failure is the <see cref="Exception.InnerException"/>. When the body already failed in the default
/// order, before any schedule was explored, the exception says so and has no <see cref="Seed"/> and no <see cref="Reorderings"/>:
/// <see cref="VirtualTime.RunAsync(Func{VirtualClock, Task}, VirtualTimeOptions?)"/> reproduces that failure.</remarks>
public sealed class ScheduleExplorationException : Exception
{
    /// <summary>Initializes a new instance with no message; the kit uses the constructor that names the schedule.</summary>
    public ScheduleExplorationException()
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed.</param>
    public ScheduleExplorationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the body's failure.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The body's failure.</param>
    public ScheduleExplorationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ScheduleExplorationException(string message, Exception innerException, int seed, IReadOnlyList<string> reorderings)
        : base(message, innerException)
    {
        Seed = seed;
        Reorderings = reorderings;
    }

    /// <summary>Gets the seed that replays the failing schedule (<see cref="VirtualTimeOptions.ScheduleSeed"/>), or
    /// <see langword="null"/> when the body failed in the default order.</summary>
    public int? Seed { get; }

    /// <summary>Gets what ran in an unusual order, shrunk to the fewest reorderings against the default order that still fail;
    /// empty when the body failed in the default order.</summary>
    public IReadOnlyList<string> Reorderings { get; } = [];
}
