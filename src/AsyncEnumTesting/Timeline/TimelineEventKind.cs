namespace AsyncEnumTesting;

/// <summary>Names what happened at one point of a <see cref="Timeline"/>.</summary>
public enum TimelineEventKind
{
    /// <summary><c>GetAsyncEnumerator</c> was called: an enumeration began. <see cref="TimelineEvent.Value"/> says whether the token can be cancelled.</summary>
    GetAsyncEnumerator,

    /// <summary><c>MoveNextAsync</c> was called and has not returned a result yet.</summary>
    MoveNextStarted,

    /// <summary><c>MoveNextAsync</c> returned <see langword="true"/>; <see cref="TimelineEvent.Value"/> is the item.</summary>
    Yielded,

    /// <summary><c>MoveNextAsync</c> returned <see langword="false"/>: the sequence completed.</summary>
    Completed,

    /// <summary><c>MoveNextAsync</c> (or another call) threw; <see cref="TimelineEvent.Value"/> is the exception.</summary>
    Faulted,

    /// <summary><c>MoveNextAsync</c> threw <see cref="OperationCanceledException"/>.</summary>
    Canceled,

    /// <summary><c>DisposeAsync</c> was called.</summary>
    DisposeStarted,

    /// <summary><c>DisposeAsync</c> finished.</summary>
    Disposed,

    /// <summary>The token passed to <c>GetAsyncEnumerator</c> was cancelled.</summary>
    TokenCanceled,

    /// <summary>The test marked a point with <see cref="Timeline.Mark"/>; <see cref="TimelineEvent.Value"/> is the label.</summary>
    Mark,

    /// <summary>A protocol rule was broken (overlapping <c>MoveNextAsync</c>, use after dispose, ...); <see cref="TimelineEvent.Value"/> says which.</summary>
    Violation,
}
