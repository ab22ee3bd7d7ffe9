namespace AsyncEnumTesting;

/// <summary>Says what a reader's wait ended with.</summary>
internal enum ReaderEventKind
{
    /// <summary>The sequence yielded an item.</summary>
    Item,

    /// <summary>The sequence completed.</summary>
    Completed,

    /// <summary>The sequence threw.</summary>
    Failed,

    /// <summary>The sequence stopped because the reader canceled it; not an event the test consumes.</summary>
    Canceled,

    /// <summary>Nothing came within the wait's limits.</summary>
    Nothing,
}

/// <summary>One thing a reader saw, or the end of a wait that saw nothing.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Item">The item, for <see cref="ReaderEventKind.Item"/>.</param>
/// <param name="Error">The sequence's exception, or the reason nothing came.</param>
/// <param name="Time">When it happened, on the reader's timeline.</param>
/// <param name="ItemsBefore">How many items the sequence had yielded before this event.</param>
/// <param name="Detail">Why nothing came, for <see cref="ReaderEventKind.Nothing"/>.</param>
internal readonly record struct ReaderEvent<T>(ReaderEventKind Kind, T? Item, Exception? Error, TimeSpan Time, int ItemsBefore, string? Detail = null)
{
    /// <summary>Gets a value indicating whether the event ends the sequence.</summary>
    public bool IsTerminal => Kind is ReaderEventKind.Completed or ReaderEventKind.Failed or ReaderEventKind.Canceled;
}
