namespace AsyncEnumTesting.Reactive;

/// <summary>An observable seen as an async sequence; every enumeration subscribes on its own.</summary>
internal sealed class ObservableAsyncSequence<T>(IObservable<T> source, UnawaitedItemPolicy policy) : IAsyncEnumerable<T>
{
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new ObservableEnumerator<T>(source, policy, cancellationToken);
}
