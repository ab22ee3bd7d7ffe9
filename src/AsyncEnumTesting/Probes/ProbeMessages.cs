namespace AsyncEnumTesting;

/// <summary>Words every message a probe records or throws, in one place, so they stay consistent.</summary>
/// <remarks>The protocol guard's words (overlapping calls, disposing during a call, moving after disposal) are
/// <see cref="ProtocolMessages"/>', shared with the fakes; the probe names its enumerations the same way.</remarks>
internal static class ProbeMessages
{
    public static string OverlappingMoveNext(string probe, int enumeration, TimeSpan pendingSince) =>
        ProtocolMessages.OverlappingMoveNext(Enumeration(probe, enumeration), pendingSince);

    public static string MoveNextAfterDispose(string probe, int enumeration, TimeSpan disposedAt) =>
        ProtocolMessages.MoveNextAfterDispose(Enumeration(probe, enumeration), disposedAt);

    public static string DisposeWhileMoveNextPending(string probe, int enumeration, TimeSpan pendingSince) =>
        ProtocolMessages.DisposeWhileMoveNextPending(Enumeration(probe, enumeration), pendingSince);

    public static string CurrentAfterDispose(string probe, int enumeration, TimeSpan disposedAt) =>
        $"Current was read on {Enumeration(probe, enumeration)} after DisposeAsync (called at " +
        $"{TimeFormat.Elapsed(disposedAt)}). Read Current only after a MoveNextAsync that returned true, before disposing.";

    public static string CurrentBeforeMoveNext(string probe, int enumeration) =>
        $"Current was read on {Enumeration(probe, enumeration)} before a MoveNextAsync returned true. " +
        "Read Current only after a MoveNextAsync that returned true, before disposing.";

    public static string CurrentAfterCompletion(string probe, int enumeration, TimeSpan completedAt) =>
        $"Current was read on {Enumeration(probe, enumeration)} after MoveNextAsync returned false (at " +
        $"{TimeFormat.Elapsed(completedAt)}). Read Current only after a MoveNextAsync that returned true, before disposing.";

    public static string DoubleDispose(string probe, int enumeration, TimeSpan firstAt) =>
        $"DisposeAsync was called again on {Enumeration(probe, enumeration)} (first called at " +
        $"{TimeFormat.Elapsed(firstAt)}). .NET allows this, but it often means two owners dispose the same enumerator.";

    public static string Waiter(string probe, int enumeration, TimeSpan pendingSince, bool tokenCanBeCanceled) =>
        $"probe \"{probe}\" #{enumeration} in MoveNextAsync since {TimeFormat.Elapsed(pendingSince)}" +
        (tokenCanBeCanceled ? string.Empty : " (token: none)");

    /// <summary>Leads with the first violation on the timeline, the likely cause, and names the one that threw second.</summary>
    public static string Following(string message, TimelineEvent first) =>
        $"{first.Value} That was the first protocol violation (\"{first.Source}\" #{first.Enumeration} at {TimeFormat.Elapsed(first.Time)}); " +
        $"fix it first, the one that threw here follows from it: {message}";

    /// <summary>Names one of the probe's enumerations, for example <c>enumeration #1 of probe "orders"</c>.</summary>
    private static string Enumeration(string probe, int enumeration) => ProtocolMessages.Enumeration($"probe \"{probe}\"", enumeration);
}
