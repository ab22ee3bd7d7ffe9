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

    public static string DisposeWhileMoveNextPending(string probe, int enumeration, TimeSpan pendingSince) =>
        $"DisposeAsync was called on enumeration #{enumeration} of probe \"{probe}\" while MoveNextAsync (called at " +
        $"{TimeFormat.Elapsed(pendingSince)}) was still pending. Await the pending MoveNextAsync first (cancel its token to end it early).";

    public static string DoubleDispose(string probe, int enumeration, TimeSpan firstAt) =>
        $"DisposeAsync was called again on enumeration #{enumeration} of probe \"{probe}\" (first called at " +
        $"{TimeFormat.Elapsed(firstAt)}). .NET allows this, but it often means two owners dispose the same enumerator.";

    public static string Waiter(string probe, int enumeration, TimeSpan pendingSince, bool tokenCanBeCanceled) =>
        $"probe \"{probe}\" #{enumeration} in MoveNextAsync since {TimeFormat.Elapsed(pendingSince)}" +
        (tokenCanBeCanceled ? string.Empty : " (token: none)");
}
