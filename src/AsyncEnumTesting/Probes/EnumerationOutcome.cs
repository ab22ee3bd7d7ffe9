namespace AsyncEnumTesting;

/// <summary>Says how one enumeration of a probed sequence ended, if it did.</summary>
public enum EnumerationOutcome
{
    /// <summary>The enumeration has neither ended nor been disposed yet.</summary>
    Running,

    /// <summary><c>MoveNextAsync</c> returned <see langword="false"/>: the sequence ran to its end.</summary>
    Completed,

    /// <summary>An exception other than <see cref="OperationCanceledException"/> ended the enumeration.</summary>
    Faulted,

    /// <summary><c>MoveNextAsync</c> threw <see cref="OperationCanceledException"/>.</summary>
    Canceled,

    /// <summary>The consumer disposed the enumerator before the sequence ended (for example after <c>break</c>).</summary>
    Abandoned,
}
