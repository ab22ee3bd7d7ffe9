using Microsoft.Reactive.Testing;

namespace AsyncEnumTesting.Reactive;

/// <summary>Gives Rx code the time of a <see cref="VirtualClock"/>, so Rx pipelines and async code in one test share timestamps.</summary>
public static class VirtualClockSchedulerExtensions
{
    /// <summary>Creates a <see cref="TestScheduler"/> whose time is <paramref name="clock"/>'s: one scheduler tick is one virtual tick (100 ns).</summary>
    /// <param name="clock">The clock that drives the scheduler.</param>
    /// <returns>A scheduler for <c>CreateColdObservable</c>, <c>CreateHotObservable</c>, <c>CreateObserver</c> and any Rx operator that takes a scheduler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>
    /// The scheduler's <see cref="Microsoft.Reactive.Testing.TestScheduler"/> clock counts the ticks elapsed since <see cref="VirtualClock.Start"/>,
    /// exactly like <see cref="VirtualClock.Elapsed"/> and <see cref="TimelineEvent.Time"/>: <c>ReactiveTest.OnNext(210, x)</c> happens at
    /// <c>TimeSpan.FromTicks(210)</c>, and <c>scheduler.Now</c> equals <c>clock.GetUtcNow()</c>.
    /// </para>
    /// <para>
    /// Drive time with the clock only (<see cref="VirtualClock.AdvanceAsync"/> or <see cref="VirtualTime"/>'s runner): every item
    /// scheduled on the scheduler becomes a timer on the clock, so the clock fires Rx work and async timers in one order and waits for
    /// the async continuations they wake. Items due at the same instant run together, when the first of their timers fires.
    /// The scheduler's own <c>Start</c>, <c>AdvanceTo</c> and <c>AdvanceBy</c> would run Rx work without the clock, so they throw an
    /// <see cref="InvalidOperationException"/> before running anything; after its own <c>Sleep</c>, which moves only the scheduler's
    /// clock, the next move of the <see cref="VirtualClock"/> or the next item scheduled throws one naming both clocks.
    /// </para>
    /// <para>
    /// Like any <see cref="TestScheduler"/>, work scheduled for "now" runs one tick later. The scheduler is not thread-safe:
    /// use it from the test's flow and the clock's timers only.
    /// </para>
    /// </remarks>
    /// <example>
    /// <code>
    /// await VirtualTime.RunAsync(async clock =&gt;
    /// {
    ///     var scheduler = clock.CreateTestScheduler();
    ///     var prices = scheduler.CreateColdObservable(OnNext(100, 1), OnNext(300, 2), OnCompleted&lt;int&gt;(400));
    ///     await foreach (var price in prices.ToAsyncSequence())
    ///     {
    ///         // clock.Elapsed is TimeSpan.FromTicks(100), then TimeSpan.FromTicks(300)
    ///     }
    /// });
    /// </code>
    /// </example>
    public static TestScheduler CreateTestScheduler(this VirtualClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new ClockedTestScheduler(clock);
    }
}
