namespace AsyncEnumTesting;

/// <summary>Names the ways a <see cref="ScriptedSequence{T}"/> can break the async-enumerable contract on purpose, to test a consumer's resilience.</summary>
/// <remarks>
/// Combine modes with <c>|</c> and pass them to <see cref="ScriptedSequence{T}.Misbehave"/>. A well-behaved fake
/// (<see cref="None"/>) checks its token at every <c>MoveNextAsync</c> and in every wait, completes
/// <c>MoveNextAsync</c> synchronously whenever the next item is ready, and disposes quietly.
/// </remarks>
[Flags]
public enum Misbehavior
{
    /// <summary>Behaves: honours the token, disposes quietly, completes synchronously when ready.</summary>
    None = 0,

    /// <summary>Ignores the enumerator's token: waits run to their end and a <see cref="ScriptedSequence{T}.HangUntilCanceled"/> never ends.</summary>
    IgnoreCancellation = 1,

    /// <summary>Keeps yielding after the token is cancelled: a cancelled wait ends early and the next item comes at once, instead of an <see cref="OperationCanceledException"/>.</summary>
    YieldAfterCancellation = 2,

    /// <summary>Throws an <see cref="InvalidOperationException"/> from <c>DisposeAsync</c> (as a faulted task), after counting and recording the disposal.</summary>
    ThrowOnDispose = 4,

    /// <summary>Throws an <see cref="InvalidOperationException"/> from <c>GetAsyncEnumerator</c>, before any enumerator exists.</summary>
    ThrowOnGetAsyncEnumerator = 8,

    /// <summary>Completes every <c>MoveNextAsync</c> asynchronously (after a <see cref="Task.Yield"/>), even when the item is ready.</summary>
    CompleteAsynchronously = 16,

    /// <summary>Throws a scripted error directly from <c>MoveNextAsync</c> instead of returning a faulted task, when the error is due at once.</summary>
    ThrowSynchronously = 32,
}
