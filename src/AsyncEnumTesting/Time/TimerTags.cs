namespace AsyncEnumTesting;

/// <summary>Marks the timers that code creates while it runs for someone, so that they can be told apart from the rest.</summary>
/// <remarks>
/// An assertion that checks what a producer left pending on the clock must count only the producer's timers: a writer the
/// test started beside it has its own, and counting every pending timer blamed the producer for them, more or less often
/// depending on how far the writer had got (a user trial: 107 of 200 runs failed a correct producer). The tag flows with the
/// execution context, so a timer created by work the producer started (a <c>Task.Run</c> pump) carries it too.
/// </remarks>
internal static class TimerTags
{
    private static readonly AsyncLocal<object?> Tag = new();

    // Until a tag was ever set, creating a timer does not read the execution context for one.
    private static volatile bool s_used;

    /// <summary>Gets the tag of the calling flow, or <see langword="null"/>.</summary>
    public static object? Current => s_used ? Tag.Value : null;

    /// <summary>Sets the tag of the calling flow and returns the one it replaces, to be restored with <see cref="Restore"/>; the public face is <see cref="VirtualClock.BeginTimerOwner"/>.</summary>
    public static object? Set(object tag)
    {
        s_used = true;
        var previous = Tag.Value;
        Tag.Value = tag;
        return previous;
    }

    /// <summary>Restores the tag <see cref="Set"/> replaced.</summary>
    public static void Restore(object? previous) => Tag.Value = previous;
}
