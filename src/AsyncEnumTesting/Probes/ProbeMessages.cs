namespace AsyncEnumTesting;

/// <summary>Words every message a probe records or throws, in one place, so they stay consistent.</summary>
internal static class ProbeMessages
{
    public static string OverlappingMoveNext(string probe, int enumeration, TimeSpan pendingSince) =>
        $"MoveNextAsync was called on enumeration #{enumeration} of probe \"{probe}\" while its previous MoveNextAsync " +
        $"(called at {TimeFormat.Elapsed(pendingSince)}) was still pending. Await each MoveNextAsync before calling the next one: " +
        "an async enumerator does not support overlapping calls.";

    public static string MoveNextAfterDispose(string probe, int enumeration, TimeSpan disposedAt) =>
        $"MoveNextAsync was called on enumeration #{enumeration} of probe \"{probe}\" after DisposeAsync (called at " +
        $"{TimeFormat.Elapsed(disposedAt)}). A disposed enumerator cannot move: call GetAsyncEnumerator to start a new enumeration.";

    public static string CurrentAfterDispose(string probe, int enumeration, TimeSpan disposedAt) =>
        $"Current was read on enumeration #{enumeration} of probe \"{probe}\" after DisposeAsync (called at " +
        $"{TimeFormat.Elapsed(disposedAt)}). Read Current only after a MoveNextAsync that returned true, before disposing.";

    public static string CurrentBeforeMoveNext(string probe, int enumeration) =>
        $"Current was read on enumeration #{enumeration} of probe \"{probe}\" before a MoveNextAsync returned true. " +
        "Read Current only after a MoveNextAsync that returned true, before disposing.";

    public static string CurrentAfterCompletion(string probe, int enumeration, TimeSpan completedAt) =>
        $"Current was read on enumeration #{enumeration} of probe \"{probe}\" after MoveNextAsync returned false (at " +
        $"{TimeFormat.Elapsed(completedAt)}). Read Current only after a MoveNextAsync that returned true, before disposing.";

    public static string DisposeWhileMoveNextPending(string probe, int enumeration, TimeSpan pendingSince) =>
        $"DisposeAsync was called on enumeration #{enumeration} of probe \"{probe}\" while MoveNextAsync (called at " +
        $"{TimeFormat.Elapsed(pendingSince)}) was still pending. " + DisposeWhilePendingAdvice;

    /// <summary>Says why disposing during a pending call is a bug and what a correct consumer does; every guard uses it.</summary>
    public const string DisposeWhilePendingAdvice =
        "A compiler-generated async iterator throws NotSupportedException there; a correct consumer cancels the enumerator's token, " +
        "awaits the pending MoveNextAsync, then disposes.";

    /// <summary>The fakes' message for <c>DisposeAsync</c> during a pending <c>MoveNextAsync</c>.</summary>
    public static string FakeDisposeWhileMoveNextPending(string title, int enumeration) =>
        $"DisposeAsync was called on {title} #{enumeration} while a MoveNextAsync is still pending. " + DisposeWhilePendingAdvice;

    public static string DoubleDispose(string probe, int enumeration, TimeSpan firstAt) =>
        $"DisposeAsync was called again on enumeration #{enumeration} of probe \"{probe}\" (first called at " +
        $"{TimeFormat.Elapsed(firstAt)}). .NET allows this, but it often means two owners dispose the same enumerator.";

    public static string Waiter(string probe, int enumeration, TimeSpan pendingSince, bool tokenCanBeCanceled) =>
        $"probe \"{probe}\" #{enumeration} in MoveNextAsync since {TimeFormat.Elapsed(pendingSince)}" +
        (tokenCanBeCanceled ? string.Empty : " (token: none)");

    /// <summary>Leads with the first violation on the timeline, the likely cause, and names the one that threw second.</summary>
    public static string Following(string message, TimelineEvent first) =>
        $"{first.Value} That was the first protocol violation (\"{first.Source}\" #{first.Enumeration} at {TimeFormat.Elapsed(first.Time)}); " +
        $"fix it first, the one that threw here follows from it: {message}";
}
