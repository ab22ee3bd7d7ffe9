namespace AsyncEnumTesting;

/// <summary>Runs a test body on virtual time: whenever nothing of the run can run, the clock jumps to the next timer.</summary>
/// <remarks>
/// <para>
/// The body runs on a single-threaded synchronization context owned by the run. The runner fires the next timer of the
/// clock (due time, then creation order) only when the run is settled: nothing queued on its context, and no work the
/// run started queued, about to start or running on the thread pool or another thread (<c>Task.Run</c>, continuations of
/// <c>ConfigureAwait(false)</c> awaits, default channels' readers including <c>ReadAllAsync</c>, <c>SemaphoreSlim</c>,
/// <c>Task.Yield()</c>, <c>System.Linq.AsyncEnumerable</c> operators). Then it fires one timer and settles again before the
/// next, so everything a timer woke has run, wherever it ran, before time moves on. Code under test needs no change and
/// no test-side options; the same test gives the same timeline on every run (see docs/reliability.md for the measured
/// runs, and for what is exact and what is not).
/// </para>
/// <para>
/// Work of the run on another thread is seen through the run's execution context (an <see cref="AsyncLocal{T}"/> change
/// handler); work queued but not started is seen through the thread pool's own counts and a marker sent through its
/// queue. Work that suppresses the flow of the execution context (<c>ExecutionContext.SuppressFlow</c>,
/// <c>UnsafeQueueUserWorkItem</c> in user code) and real I/O are invisible, like real timers: what they complete later
/// joins the run when it posts back.
/// </para>
/// <para>
/// A run fails with <see cref="VirtualTimeException"/>, naming both clocks and who waits, instead of hanging:
/// when the body waits on something no timer will complete (after <see cref="VirtualTimeOptions.RealTimeGrace"/> of real
/// time with nothing in flight); when work of the run keeps running on another thread for the whole grace while the clock
/// waits for it (it blocks on something only virtual time could complete); when the run's own thread is blocked inside
/// the body for the grace (<c>.Result</c>, <c>.Wait()</c>: a watchdog on another thread notices); when it uses up its
/// virtual-time budget, timer-firing budget or real-time limit; and, with
/// <see cref="VirtualTimeOptions.ReportUnobservedFaults"/>, when work it started but did not await failed (after the
/// body's own failure, if the body failed too: the forgotten failure may be its cause). The kit's own
/// deadlines (a reader's or an assertion's timeout) fire only after the run stayed quiet for the grace, so real work the
/// runner cannot see is not mistaken for a stall. Only one driver at a time may move a clock: another run, or an
/// <see cref="VirtualClock.AdvanceAsync"/> from outside the run, is refused.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var polls = await VirtualTime.RunAsync(async clock =>
/// {
///     var count = 0;
///     using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
///     while (count &lt; 3600 &amp;&amp; await timer.WaitForNextTickAsync()) count++;
///     return count; // an hour of polls, in milliseconds of real time
/// });
/// </code>
/// </example>
public static partial class VirtualTime
{
    /// <summary>Runs <paramref name="body"/> on a new <see cref="VirtualClock"/> until it completes.</summary>
    /// <param name="body">The test body; it receives the clock to give to the code under test.</param>
    /// <param name="options">Limits of the run; <see cref="VirtualTimeOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>A task that completes with the body, or fails with the body's exception or a <see cref="VirtualTimeException"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    public static Task RunAsync(Func<VirtualClock, Task> body, VirtualTimeOptions? options = null) =>
        RunAsync(new VirtualClock(), body, options);

    /// <summary>Runs <paramref name="body"/> on <paramref name="clock"/> until it completes.</summary>
    /// <param name="clock">The clock to drive; fakes and probes made with it before the run share its time.</param>
    /// <param name="body">The test body; it receives <paramref name="clock"/>.</param>
    /// <param name="options">Limits of the run; <see cref="VirtualTimeOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>A task that completes with the body, or fails with the body's exception or a <see cref="VirtualTimeException"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> or <paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="clock"/> is already driven by another run.</exception>
    public static Task RunAsync(VirtualClock clock, Func<VirtualClock, Task> body, VirtualTimeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return RunAsync(clock, async c =>
        {
            await (body(c) ?? throw new InvalidOperationException(VirtualTimeRunner.NullBody)).ConfigureAwait(true);
            return true;
        }, options);
    }

    /// <summary>Runs <paramref name="body"/> on a new <see cref="VirtualClock"/> and returns its result.</summary>
    /// <typeparam name="T">The body's result type.</typeparam>
    /// <param name="body">The test body; it receives the clock to give to the code under test.</param>
    /// <param name="options">Limits of the run; <see cref="VirtualTimeOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>A task with the body's result, or the body's exception or a <see cref="VirtualTimeException"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    public static Task<T> RunAsync<T>(Func<VirtualClock, Task<T>> body, VirtualTimeOptions? options = null) =>
        RunAsync(new VirtualClock(), body, options);

    /// <summary>Runs <paramref name="body"/> on <paramref name="clock"/> and returns its result.</summary>
    /// <typeparam name="T">The body's result type.</typeparam>
    /// <param name="clock">The clock to drive; fakes and probes made with it before the run share its time.</param>
    /// <param name="body">The test body; it receives <paramref name="clock"/>.</param>
    /// <param name="options">Limits of the run; <see cref="VirtualTimeOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>A task with the body's result, or the body's exception or a <see cref="VirtualTimeException"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> or <paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="clock"/> is already driven by another run.</exception>
    public static Task<T> RunAsync<T>(VirtualClock clock, Func<VirtualClock, Task<T>> body, VirtualTimeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(body);
        options ??= VirtualTimeOptions.Default;
        options.Validate();
        return new VirtualTimeRunner(clock, options).Start(body);
    }
}
