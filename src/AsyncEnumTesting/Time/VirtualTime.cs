namespace AsyncEnumTesting;

/// <summary>Runs a test body on virtual time: whenever nothing can run, the clock jumps to the next timer.</summary>
/// <remarks>
/// <para>
/// The body runs on a single-threaded synchronization context owned by the run. When nothing on it can run, the runner
/// fires the next timer of the clock (due time, then creation order), moving virtual time to it, and lets everything that
/// timer woke run before it fires the next one. The run is deterministic for:
/// </para>
/// <list type="bullet">
/// <item><description>the body and every continuation that keeps the run's context (a plain <c>await</c>): after
/// <c>Task.Delay</c>, <c>PeriodicTimer</c>, <c>WaitAsync</c>, <c>Task.Yield()</c>, <c>SemaphoreSlim.WaitAsync</c>, channel
/// reads and writes, nested async methods and async iterators; they run one at a time, in the order they were woken;</description></item>
/// <item><description>continuations that capture no context (<c>ConfigureAwait(false)</c>, also inside BCL code such as
/// <c>System.Linq.AsyncEnumerable</c>) of work that completes synchronously when a timer fires: timers fire with no
/// context current, so the runtime runs them inline, inside the firing, before the next timer.</description></item>
/// </list>
/// <para>
/// Not deterministic: work the code queues to the thread pool itself (<c>Task.Run</c>, <c>ThreadPool</c>, <c>Parallel</c>,
/// new threads), real I/O and real timers, and continuations that the runtime sends to the pool: those that capture no
/// context and await a primitive that completes its waiters asynchronously (<c>SemaphoreSlim.WaitAsync().ConfigureAwait(false)</c>,
/// channels with default options, which includes every item of <c>ChannelReader.ReadAllAsync</c>), and a
/// <c>Task.Yield()</c> where no context is current. The runner does this about it:
/// </para>
/// <list type="bullet">
/// <item><description>while work of the run (anything that flows its execution context) executes on another thread, it
/// fires no timer; if that work is still running after <see cref="VirtualTimeOptions.RealTimeGrace"/> (sync over async on
/// a virtual timer, say), it goes on firing timers;</description></item>
/// <item><description>before it moves the clock while the pool has queued work, it sends two markers through the pool's
/// first-in-first-out queue so that work queued earlier starts and is seen; pool work an idle thread already took but
/// has not started running the run's code is still invisible, so the next timer may fire first and such code may
/// observe later virtual times than it would on a quiet machine;</description></item>
/// <item><description>what such work posts back to the run's context joins the run's queue; when nothing else is left
/// (no work queued, no timer pending), it waits up to <see cref="VirtualTimeOptions.RealTimeGrace"/> for such a post and
/// then fails with a diagnosis.</description></item>
/// </list>
/// <para>
/// To keep a test deterministic, keep the context in test code, and read channels with <c>WaitToReadAsync</c> and
/// <c>TryRead</c> or create them with <c>AllowSynchronousContinuations = true</c>.
/// </para>
/// <para>
/// A run fails with <see cref="VirtualTimeException"/> instead of hanging: when the body waits on something no timer
/// will complete, when it uses up its virtual-time budget, timer-firing budget or real-time limit, and when work it
/// started but did not await failed (checked at the end of the run). Only one run at a time may drive a clock.
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
public static class VirtualTime
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
