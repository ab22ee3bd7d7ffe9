namespace AsyncEnumTesting;

/// <summary>Wraps an async sequence and records on a <see cref="Timeline"/> every call a consumer makes on it.</summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>
/// <para>
/// Each <c>GetAsyncEnumerator</c> starts a numbered enumeration (1, 2, ...). The probe records whether its token can
/// be cancelled and the moment it is cancelled, each <c>MoveNextAsync</c> call and its result (item, completion,
/// exception, cancellation) and <c>DisposeAsync</c> start and end, stamped with the timeline's (virtual) time. While a
/// <c>MoveNextAsync</c> is pending on a <see cref="VirtualClock"/>, the probe tells the clock who waits, so a hang
/// diagnosis names it.
/// </para>
/// <para>
/// Protocol misuse is recorded as a <see cref="TimelineEventKind.Violation"/> and listed in <see cref="Violations"/>.
/// By default (<see cref="ThrowOnMisuse"/>) overlapping <c>MoveNextAsync</c> calls, <c>DisposeAsync</c> while
/// <c>MoveNextAsync</c> is pending, <c>MoveNextAsync</c> or <c>Current</c> after <c>DisposeAsync</c>, and <c>Current</c>
/// before the first item or after <c>MoveNextAsync</c> returned <see langword="false"/> also throw
/// <see cref="InvalidOperationException"/> at the point of misuse and are not passed on: what the wrapped source does then
/// is undefined (compiler-generated iterators throw, others corrupt their state or hang), and the stack trace points
/// at the consumer's culprit line instead of somewhere inside the source. A second <c>DisposeAsync</c> is only
/// recorded (and not passed on), because .NET allows it. Enumerators never disposed are not an event: query
/// <see cref="UndisposedEnumerations"/> once the code under test is done.
/// </para>
/// <para>
/// A probe is cold like its source: every <c>GetAsyncEnumerator</c> enumerates the source again. It is thread-safe;
/// the queries return snapshots.
/// </para>
/// </remarks>
public sealed partial class Probe<T> : IAsyncEnumerable<T>
{
    private readonly IAsyncEnumerable<T> _source;
    private readonly Lock _gate = new();
    private readonly List<Enumerator> _enumerations = [];
    private readonly List<ProbeViolation> _violations = [];

    internal Probe(IAsyncEnumerable<T> source, Timeline timeline, string name, bool named)
    {
        _source = source;
        Timeline = timeline;
        Name = name;
        IsNamed = named;
    }

    /// <summary>Gets the name the probe's events carry as <see cref="TimelineEvent.Source"/>.</summary>
    public string Name { get; }

    /// <summary>Gets a value indicating whether the test gave the probe its <see cref="Name"/> (not "source", "source2", ...).</summary>
    internal bool IsNamed { get; }

    /// <summary>Gets the timeline the probe records to.</summary>
    public Timeline Timeline { get; }

    /// <summary>Gets the sequence the probe wraps.</summary>
    internal IAsyncEnumerable<T> Source => _source;

    /// <summary>Gets or sets whether protocol misuse throws <see cref="InvalidOperationException"/> at the point of misuse (the default) or is only recorded and passed on to the source.</summary>
    /// <remarks>Turn it off to observe what the wrapped source itself does when misused. A second <c>DisposeAsync</c> never throws.</remarks>
    public bool ThrowOnMisuse { get; set; } = true;

    /// <summary>Starts a new, numbered enumeration of the source and records it.</summary>
    /// <param name="cancellationToken">The token passed on to the source; the probe records whether it can be cancelled and when it is.</param>
    /// <returns>An enumerator that records every call made on it.</returns>
    /// <remarks>When the source's <c>GetAsyncEnumerator</c> throws, the probe records <see cref="TimelineEventKind.Faulted"/> and rethrows.</remarks>
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        Enumerator enumerator;
        lock (_gate)
        {
            enumerator = new Enumerator(this, _enumerations.Count + 1, cancellationToken);
            _enumerations.Add(enumerator);
        }

        enumerator.Start(_source);
        return enumerator;
    }

    /// <summary>Renders this probe's events (not the rest of its timeline) as an aligned table.</summary>
    /// <param name="options">How to format values, how long the rendering may be, and which row to annotate (an index into <see cref="Events"/>); defaults when <see langword="null"/>.</param>
    /// <returns>The rendering, in the format of <see cref="Timeline.Render"/>.</returns>
    public string Render(TimelineRenderOptions? options = null) => TimelineRenderer.Render(Events, Timeline.IsVirtual, options);

    /// <summary>Renders this probe's events with the default options.</summary>
    /// <returns>The same text as <see cref="Render"/>.</returns>
    public override string ToString() => Render();

    private void RecordViolation(Enumerator enumeration, ProbeViolationKind kind, string message)
    {
        var ticks = Timeline.Append(enumeration.Stream, TimelineEventKind.Violation, message);
        lock (_gate)
        {
            _violations.Add(new ProbeViolation(kind, enumeration.Number, TimeSpan.FromTicks(ticks), message));
        }
    }
}
