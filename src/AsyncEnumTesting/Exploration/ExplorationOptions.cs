namespace AsyncEnumTesting;

/// <summary>Sets how many schedules <see cref="VirtualTime.ExploreAsync(Func{VirtualClock, Task}, ExplorationOptions?)"/> tries, and from which seed.</summary>
public sealed class ExplorationOptions
{
    /// <summary>Gets how many schedules to run after the default order. Default: 100.</summary>
    public int Schedules { get; init; } = 100;

    /// <summary>Gets the seed of the first explored schedule; schedule <c>n</c> uses <c>FirstSeed + n - 1</c>. Default: 1.</summary>
    /// <remarks>The same seeds give the same schedules on every run, so an exploration that passed in CI passes again.</remarks>
    public int FirstSeed { get; init; } = 1;

    /// <summary>Gets a value indicating whether a failing schedule is shrunk to the fewest reorderings that still fail. Default: <see langword="true"/>.</summary>
    public bool Shrink { get; init; } = true;

    /// <summary>Gets the limits of each run; <see cref="VirtualTimeOptions.Default"/> when <see langword="null"/>. Its
    /// <see cref="VirtualTimeOptions.ScheduleSeed"/> is ignored: exploration sets it per schedule.</summary>
    public VirtualTimeOptions? Run { get; init; }

    /// <summary>Gets the options every exploration uses unless told otherwise.</summary>
    public static ExplorationOptions Default { get; } = new();

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Schedules, 1, nameof(Schedules));
        Run?.Validate();
    }
}
