using System.Diagnostics;

#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <content>Laziness: nothing observable happens before the first <c>MoveNextAsync</c>.</content>
public sealed partial class AsyncEnumerableAssertions<T>
{
    /// <summary>Asserts that nothing observable happens before the first <c>MoveNextAsync</c>.</summary>
    /// <param name="started">Reports whether the producer did something the test can see (called a fake service,
    /// wrote a log, counted a call); <see langword="null"/> to check only what the kit can see.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A task that completes when the assertion passed, or fails with a message and the timeline.</returns>
    /// <remarks>
    /// "Observable" means, checked in this order: <paramref name="started"/> already reports <see langword="true"/> before
    /// the assertion calls anything (the call that created the sequence ran the producer eagerly);
    /// <c>GetAsyncEnumerator</c> throws (a lazy producer fails in <c>MoveNextAsync</c>); after <c>GetAsyncEnumerator</c>
    /// returned, <paramref name="started"/> reports <see langword="true"/>, or a timer was created on the
    /// <see cref="VirtualClock"/>. The enumerator is then disposed without any <c>MoveNextAsync</c>. Work that the producer
    /// hands to the thread pool and that shows only later is not seen.
    /// </remarks>
    [StackTraceHidden]
    public Task<AndConstraint<AsyncEnumerableAssertions<T>>> BeLazy(Func<bool>? started = null, string because = "", params object[] becauseArgs)
    {
        var eager = started?.Invoke() == true;
        return CheckAsync("be lazy, doing nothing observable before the first MoveNextAsync", because, becauseArgs, run =>
        {
            if (eager)
            {
                return Task.FromResult<Verdict?>(new Verdict("the producer had already started before GetAsyncEnumerator: the call that created the sequence ran it eagerly", 0, "already started"));
            }

            if (started?.Invoke() == true)
            {
                return Task.FromResult<Verdict?>(new Verdict("the producer started during GetAsyncEnumerator (the started check reported true before any MoveNextAsync)", 0, "started here"));
            }

            var timers = run.ProducerTimersPending;
            return Task.FromResult<Verdict?>(timers > 0
                ? new Verdict($"GetAsyncEnumerator created {(timers == 1 ? "1 timer" : $"{timers} timers")} on the clock before any MoveNextAsync", 0, "timer created here")
                : null);
        },
        _ => new AndConstraint<AsyncEnumerableAssertions<T>>(this),
        countTimers: true);
    }
}
