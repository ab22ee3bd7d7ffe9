namespace AsyncEnumTesting;

/// <summary>Runs a test body on virtual time: whenever nothing can run, the clock jumps to the next timer.</summary>
/// <remarks>
/// <para>
/// The body runs on a single-threaded synchronization context owned by the run. Continuations (also after
/// <c>ConfigureAwait(false)</c>, <c>Task.Yield()</c>, <c>SemaphoreSlim.WaitAsync</c>, channels and nested async methods)
/// run one at a time in a fixed order, so the run is deterministic.
/// </para>
/// <para>
/// Not covered: work the code under test queues to the thread pool itself (<c>Task.Run</c>, <c>ThreadPool</c>,
/// parallel loops) and real I/O. The runner does not wait for such work before it moves the clock; when only such
/// work is left, it waits up to <see cref="VirtualTimeOptions.RealTimeGrace"/> of real time for it to post back and
/// then fails with a diagnosis.
/// </para>
/// <para>
/// A run fails with <see cref="VirtualTimeException"/> instead of hanging: when the body waits on something no timer
/// will complete, when it uses up its virtual-time budget or real-time limit, and when work it started but did not
/// await failed (checked at the end of the run).
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
            await body(c).ConfigureAwait(true);
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
