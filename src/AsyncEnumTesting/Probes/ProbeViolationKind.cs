namespace AsyncEnumTesting;

/// <summary>Names a rule of the <see cref="IAsyncEnumerator{T}"/> protocol that a consumer broke.</summary>
public enum ProbeViolationKind
{
    /// <summary><c>MoveNextAsync</c> was called while the previous call on the same enumerator was still pending.</summary>
    OverlappingMoveNext,

    /// <summary><c>MoveNextAsync</c> was called after <c>DisposeAsync</c>.</summary>
    MoveNextAfterDispose,

    /// <summary><c>Current</c> was read after <c>DisposeAsync</c>.</summary>
    CurrentAfterDispose,

    /// <summary><c>DisposeAsync</c> was called while a <c>MoveNextAsync</c> was still pending.</summary>
    DisposeWhileMoveNextPending,

    /// <summary><c>DisposeAsync</c> was called more than once (allowed by .NET, recorded because it often reveals two owners).</summary>
    DoubleDispose,

    /// <summary><c>Current</c> was read before the first <c>MoveNextAsync</c> returned <see langword="true"/>.</summary>
    CurrentBeforeMoveNext,

    /// <summary><c>Current</c> was read after <c>MoveNextAsync</c> returned <see langword="false"/>.</summary>
    CurrentAfterCompletion,
}
