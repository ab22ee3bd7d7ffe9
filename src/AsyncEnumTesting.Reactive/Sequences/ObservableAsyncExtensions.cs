namespace AsyncEnumTesting.Reactive;

/// <summary>Turns observables (a <c>TestScheduler</c>'s cold and hot observables among them) into async sequences.</summary>
public static class ObservableAsyncExtensions
{
    /// <summary>Returns an async sequence that subscribes to <paramref name="source"/> on the first <c>MoveNextAsync</c> and yields what it pushes.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The observable, for example <c>scheduler.CreateColdObservable(...)</c> of a scheduler made with
    /// <see cref="VirtualClockSchedulerExtensions.CreateTestScheduler"/>.</param>
    /// <param name="policy">What to do with items that arrive while no <c>MoveNextAsync</c> waits; <see cref="UnawaitedItemPolicy.Buffer"/> by default.</param>
    /// <returns>A cold async sequence: each enumeration subscribes once and unsubscribes on <c>DisposeAsync</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policy"/> is not a defined value.</exception>
    /// <remarks>
    /// <para>
    /// Items reach the consumer at the virtual time the observable pushes them: with a scheduler made from a
    /// <see cref="VirtualClock"/>, <c>OnNext(210, x)</c> of a hot observable completes a waiting <c>MoveNextAsync</c> when
    /// <c>clock.Elapsed</c> is 210 ticks; a cold observable's times count from the first <c>MoveNextAsync</c> (the subscription).
    /// </para>
    /// <para>
    /// A waiting <c>MoveNextAsync</c> completes synchronously inside the observer call, so its continuation runs in the same
    /// clock step. <c>OnError</c> makes <c>MoveNextAsync</c> throw that exception; <c>OnCompleted</c> makes it return
    /// <see langword="false"/>. Cancelling the token given to <c>GetAsyncEnumerator</c> fails a waiting <c>MoveNextAsync</c>
    /// with <see cref="OperationCanceledException"/>; the subscription ends on <c>DisposeAsync</c>.
    /// </para>
    /// </remarks>
    /// <example>
    /// <code>
    /// var quotes = scheduler.CreateHotObservable(OnNext(210, 1.5m), OnNext(400, 1.6m));
    /// await foreach (var quote in quotes.ToAsyncSequence(UnawaitedItemPolicy.Fail)) { ... }
    /// </code>
    /// </example>
    public static IAsyncEnumerable<T> ToAsyncSequence<T>(this IObservable<T> source, UnawaitedItemPolicy policy = UnawaitedItemPolicy.Buffer)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, $"UnawaitedItemPolicy {policy} is not defined: use Buffer, Drop or Fail.");
        }

        return new ObservableAsyncSequence<T>(source, policy);
    }
}
