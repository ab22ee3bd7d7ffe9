namespace AsyncEnumTesting.Reactive;

/// <summary>Says what an observable turned async sequence does with an item that arrives while no <c>MoveNextAsync</c> waits for it.</summary>
/// <remarks>An observable pushes; an async sequence is pulled. Completion and errors are never dropped: they are delivered after the items kept.</remarks>
public enum UnawaitedItemPolicy
{
    /// <summary>Queues the item without bound; the next <c>MoveNextAsync</c> returns it at once. Nothing is lost (the default).</summary>
    Buffer,

    /// <summary>Discards the item: the consumer sees only items that arrive while it waits, like a UI that samples a feed.</summary>
    Drop,

    /// <summary>Fails the sequence: the next <c>MoveNextAsync</c> throws <see cref="InvalidOperationException"/> naming the item, to prove a consumer keeps up.</summary>
    Fail,
}
