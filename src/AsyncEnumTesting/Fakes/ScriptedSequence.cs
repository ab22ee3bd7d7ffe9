namespace AsyncEnumTesting;

/// <summary>Provides a cold fake async sequence that plays a script: items, waits in virtual time, then an error, completion or a hang.</summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>
/// <para>
/// Build the script with the fluent methods, then enumerate it as often as needed: every enumeration plays the
/// script from its start, independently, and is numbered from 1 (<see cref="Enumerations"/>). Steps run inside
/// <c>MoveNextAsync</c>: a <see cref="Wait"/> delays the next item by that much virtual time from the moment the
/// consumer asks for it, so a slow consumer shifts later items. A script that ends without a terminal step completes.
/// </para>
/// <para>
/// Waits run on the <see cref="VirtualClock"/> given at creation; a script without one cannot wait (fakes never use
/// real time). Under <see cref="VirtualTime.RunAsync(Func{VirtualClock, Task}, VirtualTimeOptions?)"/> the runner moves
/// the clock; in a plain test the consumer (or <see cref="VirtualClock.AdvanceAsync"/>) must.
/// </para>
/// <para>
/// Every <c>MoveNextAsync</c> and every wait honours the token given to <c>GetAsyncEnumerator</c>: it throws an
/// <see cref="OperationCanceledException"/> carrying that token, after which the enumerator completes and can be
/// disposed. <see cref="Misbehave"/> breaks these rules on purpose. Steps added after an enumeration started are seen
/// only by later enumerations.
/// </para>
/// <para>
/// Misuse fails fast: a <c>MoveNextAsync</c> while the previous one is pending, or a <c>DisposeAsync</c> while one is
/// pending, throws <see cref="InvalidOperationException"/>. After completion, an error, a cancellation or disposal,
/// <c>MoveNextAsync</c> returns <see langword="false"/> (as compiler-generated iterators do), unless the fake records on a
/// timeline, whose probe reports a <c>MoveNextAsync</c> after disposal as misuse.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var source = FakeSequence.Script&lt;int&gt;(clock, "prices")
///     .Yield(1, 2)
///     .Wait(TimeSpan.FromSeconds(5))
///     .Fail(new IOException("connection reset"));
/// </code>
/// </example>
public sealed partial class ScriptedSequence<T> : IAsyncEnumerable<T>
{
    private readonly Lock _gate = new();
    private readonly List<ScriptStep<T>> _steps = [];
    private readonly FakeRecorder _recorder;
    private readonly Probe<T>? _probe;

    internal ScriptedSequence(VirtualClock? clock, string? name, Timeline? timeline, string kind = "scripted sequence", string defaultName = "scripted")
    {
        Clock = clock;
        _recorder = new FakeRecorder(kind, name, defaultName, timeline);
        _probe = _recorder.CreateProbe<T>(CreateEnumerator);
    }

    /// <summary>Gets the name the sequence records its events under and uses in messages.</summary>
    public string Name => _recorder.Name;

    /// <summary>Gets how the fake presents itself in messages, for example <c>marble sequence "prices"</c>.</summary>
    internal string Title => _recorder.Title;

    /// <summary>Gets the clock the script waits on, or <see langword="null"/> when it cannot wait.</summary>
    public VirtualClock? Clock { get; }

    /// <summary>Gets the timeline the sequence records its enumerations on, or <see langword="null"/> when it records nothing.</summary>
    /// <remarks>A fake with a timeline hands out a <see cref="Probe{T}"/>'s enumerators over its own, so it records exactly what a probe records, under <see cref="Name"/>, and the probe's protocol checks apply.</remarks>
    public Timeline? Timeline => _recorder.Timeline;

    /// <summary>Gets how many times <c>GetAsyncEnumerator</c> was called.</summary>
    public int Enumerations => _recorder.Enumerations;

    /// <summary>Gets how many of its enumerators were disposed; a repeated <c>DisposeAsync</c> on one enumerator counts once.</summary>
    public int Disposals => _recorder.Disposals;

    /// <summary>Gets how many enumerators exist that have not been disposed yet.</summary>
    public int ActiveEnumerations => _recorder.ActiveEnumerations;

    /// <summary>Gets the contract breaches this sequence commits on purpose.</summary>
    public Misbehavior Misbehaviors { get; private set; }

    /// <summary>Gets the virtual tick a hot source's time is measured from; <see langword="null"/> for a cold one.</summary>
    internal long? HotOriginTicks { get; init; }

    internal FakeRecorder Recorder => _recorder;

    /// <summary>Appends items, yielded one per <c>MoveNextAsync</c> without waiting.</summary>
    /// <param name="items">The items, in order.</param>
    /// <returns>This sequence, to continue the script.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The script already ends with a terminal step.</exception>
    public ScriptedSequence<T> Yield(params T[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        lock (_gate)
        {
            foreach (var item in items)
            {
                AddLocked(new ScriptStep<T>(ScriptStepKind.Item, item));
            }
        }

        return this;
    }

    /// <summary>Appends a wait of <paramref name="delay"/> virtual time before the next step.</summary>
    /// <param name="delay">How long to wait, from the moment the consumer reaches this step.</param>
    /// <returns>This sequence, to continue the script.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The sequence has no clock, or the script already ends with a terminal step.</exception>
    public ScriptedSequence<T> Wait(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        RequireClock(delay, $"Wait({TimeFormat.Elapsed(delay)})");
        return Add(new ScriptStep<T>(ScriptStepKind.Wait, Time: delay));
    }

    /// <summary>Ends the script with an error: the <c>MoveNextAsync</c> that reaches it throws <paramref name="error"/>.</summary>
    /// <param name="error">The exception to throw; every enumeration throws this same instance.</param>
    /// <returns>This sequence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The script already ends with a terminal step.</exception>
    public ScriptedSequence<T> Fail(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Add(new ScriptStep<T>(ScriptStepKind.Fail, Error: error));
    }

    /// <summary>Ends the script with completion, as happens anyway when the script runs out of steps.</summary>
    /// <returns>This sequence.</returns>
    /// <exception cref="InvalidOperationException">The script already ends with a terminal step.</exception>
    public ScriptedSequence<T> Complete() => Add(new ScriptStep<T>(ScriptStepKind.Complete));

    /// <summary>Ends the script with silence: the <c>MoveNextAsync</c> that reaches it waits until the token is cancelled.</summary>
    /// <returns>This sequence.</returns>
    /// <exception cref="InvalidOperationException">The script already ends with a terminal step.</exception>
    /// <remarks>Under <see cref="VirtualTime.RunAsync(Func{VirtualClock, Task}, VirtualTimeOptions?)"/> a hang nobody cancels fails the run with a diagnosis naming this sequence.</remarks>
    public ScriptedSequence<T> HangUntilCanceled() => Add(new ScriptStep<T>(ScriptStepKind.HangUntilCanceled));

    /// <summary>Ends the script with a stuck <c>MoveNextAsync</c> that nothing ends, not even cancelling the token.</summary>
    /// <returns>This sequence.</returns>
    /// <exception cref="InvalidOperationException">The script already ends with a terminal step.</exception>
    /// <remarks>Use it to test a consumer's own timeout (<c>WaitAsync(timeout, clock)</c>); <see cref="HangUntilCanceled"/> is the polite silent source.</remarks>
    public ScriptedSequence<T> HangIgnoringCancellation() => Add(new ScriptStep<T>(ScriptStepKind.HangIgnoringCancellation));

    /// <summary>Ends the script with an endless stream: <paramref name="selector"/>(0), (1), ..., each after <paramref name="interval"/>.</summary>
    /// <param name="selector">Maps the index of the generated item (from 0) to the item.</param>
    /// <param name="interval">The virtual time to wait before each generated item; zero yields them without waiting.</param>
    /// <returns>This sequence.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="selector"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The interval is positive and the sequence has no clock, or the script already ends with a terminal step.</exception>
    public ScriptedSequence<T> Generate(Func<int, T> selector, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        RequireClock(interval, $"Generate(every {TimeFormat.Elapsed(interval)})");
        return Add(new ScriptStep<T>(ScriptStepKind.Generate, Time: interval, Generator: selector));
    }

    /// <summary>Makes later enumerations break the contract in the ways <paramref name="misbehavior"/> names, on top of any set before.</summary>
    /// <param name="misbehavior">The breaches to commit; see <see cref="Misbehavior"/>.</param>
    /// <returns>This sequence.</returns>
    public ScriptedSequence<T> Misbehave(Misbehavior misbehavior)
    {
        lock (_gate)
        {
            Misbehaviors |= misbehavior;
        }

        return this;
    }

    /// <summary>Starts a new, independent enumeration of the script.</summary>
    /// <param name="cancellationToken">The token every <c>MoveNextAsync</c> and wait of this enumeration honours.</param>
    /// <returns>An enumerator that plays the script from its start; a recording probe's enumerator when the sequence has a timeline.</returns>
    /// <exception cref="InvalidOperationException">The sequence misbehaves with <see cref="Misbehavior.ThrowOnGetAsyncEnumerator"/>.</exception>
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        _probe?.GetAsyncEnumerator(cancellationToken) ?? CreateEnumerator(cancellationToken);

    /// <summary>Returns the script as its steps, for example <c>scripted sequence "prices": Yield(1), Wait(00:05.000), Complete()</c>.</summary>
    /// <returns>The sequence's name and steps.</returns>
    public override string ToString()
    {
        lock (_gate)
        {
            return $"{_recorder.Title}: {(_steps.Count == 0 ? "(empty)" : string.Join(", ", _steps))}";
        }
    }

    private ScriptedEnumerator<T> CreateEnumerator(CancellationToken cancellationToken)
    {
        ScriptStep<T>[] steps;
        Misbehavior misbehavior;
        lock (_gate)
        {
            steps = [.. _steps];
            misbehavior = Misbehaviors;
        }

        var number = _recorder.Begin();
        if (misbehavior.HasFlag(Misbehavior.ThrowOnGetAsyncEnumerator))
        {
            throw new InvalidOperationException(
                $"{_recorder.Title} #{number} threw from GetAsyncEnumerator on purpose (Misbehavior.ThrowOnGetAsyncEnumerator).");
        }

        _recorder.Activate();
        return new ScriptedEnumerator<T>(this, steps, misbehavior, number, cancellationToken);
    }

    /// <summary>Appends a step the parser or a factory made, skipping the clock check they did already.</summary>
    internal ScriptedSequence<T> Add(ScriptStep<T> step)
    {
        lock (_gate)
        {
            AddLocked(step);
        }

        return this;
    }

    private void AddLocked(ScriptStep<T> step)
    {
        if (_steps.Count > 0 && _steps[^1].IsTerminal)
        {
            throw new InvalidOperationException(
                $"Cannot add {step} to {_recorder.Title}: the script already ends with {_steps[^1]}, and nothing happens after a terminal step. " +
                "Put every item and wait before Fail, Complete, HangUntilCanceled, HangIgnoringCancellation or Generate.");
        }

        _steps.Add(step);
    }

    private void RequireClock(TimeSpan span, string call)
    {
        if (span > TimeSpan.Zero && Clock is null)
        {
            throw new InvalidOperationException(
                $"Cannot {call} in {_recorder.Title}: it has no clock, and fakes never wait on real time. " +
                "Create it with a VirtualClock, for example FakeSequence.Script<T>(clock).");
        }
    }
}
