namespace AsyncEnumTesting;

/// <summary>Words a broken async-enumerator protocol with, the same wherever the guard sees it: probes, fakes, observables.</summary>
/// <remarks>
/// Self-contained (the BCL and the public <see cref="TimeFormat"/> only), so that a sibling package compiles it in as a linked
/// file instead of seeing the core's internals. A time is where the earlier call started on the enumerator's clock; a guard
/// without a clock passes <see langword="null"/> and the words leave it out.
/// </remarks>
internal static class ProtocolMessages
{
    /// <summary>Says how the misuse should have gone; every message about disposing during a pending call ends with it.</summary>
    public const string DisposeWhilePendingAdvice =
        "A compiler-generated async iterator throws NotSupportedException there; a correct consumer cancels the enumerator's token, " +
        "awaits the pending MoveNextAsync, then disposes.";

    /// <summary>Names one enumeration of a source, for example <c>enumeration #1 of probe "orders"</c>.</summary>
    public static string Enumeration(string source, int number) => $"enumeration #{number} of {source}";

    public static string OverlappingMoveNext(string enumeration, TimeSpan? pendingSince) =>
        $"MoveNextAsync was called on {enumeration} while its previous MoveNextAsync{CalledAt(pendingSince)} was still pending. " +
        "Await each MoveNextAsync before calling the next one: an async enumerator does not support overlapping calls.";

    public static string DisposeWhileMoveNextPending(string enumeration, TimeSpan? pendingSince) =>
        $"DisposeAsync was called on {enumeration} while MoveNextAsync{CalledAt(pendingSince)} was still pending. " + DisposeWhilePendingAdvice;

    public static string MoveNextAfterDispose(string enumeration, TimeSpan? disposedAt) =>
        $"MoveNextAsync was called on {enumeration} after DisposeAsync{CalledAt(disposedAt)}. " +
        "A disposed enumerator cannot move: call GetAsyncEnumerator to start a new enumeration.";

    private static string CalledAt(TimeSpan? time) => time is { } at ? $" (called at {TimeFormat.Elapsed(at)})" : string.Empty;
}
