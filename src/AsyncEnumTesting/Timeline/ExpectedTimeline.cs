using System.Collections;

namespace AsyncEnumTesting;

/// <summary>Builds the events a test expects on a <see cref="Timeline"/>, so a whole log is compared in one assertion.</summary>
/// <remarks>
/// Events are added for the current source and enumeration (<see cref="For"/>) at the current time (<see cref="At"/>),
/// both of which stay until changed. One method per <see cref="TimelineEventKind"/> adds exactly that event;
/// <see cref="MoveNextYielding"/>, <see cref="MoveNextCompleting"/> and <see cref="DisposeAsyncFinishing"/> add a call together with its
/// result at the same time: a name of the form <c>Call…ing</c> adds two events, a past-tense name one.
/// </remarks>
/// <example>
/// <code>
/// var expected = new ExpectedTimeline("ticks")
///     .GetAsyncEnumerator()
///     .MoveNextStarted().At(TimeSpan.FromSeconds(1)).Yielded(1)
///     .MoveNextCompleting()
///     .DisposeAsyncFinishing();
/// Assert.Equal(expected, timeline.Events);
/// </code>
/// </example>
public sealed class ExpectedTimeline : IReadOnlyList<TimelineEvent>
{
    private readonly List<TimelineEvent> _events = [];
    private string _source;
    private int _enumeration;
    private TimeSpan _time;

    /// <summary>Initializes an empty expectation whose events belong to <paramref name="source"/>'s enumeration <paramref name="enumeration"/>, at time zero.</summary>
    /// <param name="source">The probe's or fake's name.</param>
    /// <param name="enumeration">The enumeration's number, 1 for the first.</param>
    /// <exception cref="ArgumentException"><paramref name="source"/> is null, empty or white space.</exception>
    public ExpectedTimeline(string source = "source", int enumeration = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        _source = source;
        _enumeration = enumeration;
    }

    /// <summary>Gets how many events are expected.</summary>
    public int Count => _events.Count;

    /// <summary>Gets the expected event at <paramref name="index"/>.</summary>
    /// <param name="index">The position in the expected log.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public TimelineEvent this[int index] => _events[index];

    /// <summary>Makes the following events belong to another source or enumeration.</summary>
    /// <param name="source">The probe's or fake's name.</param>
    /// <param name="enumeration">The enumeration's number.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> is null, empty or white space.</exception>
    public ExpectedTimeline For(string source, int enumeration = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        _source = source;
        _enumeration = enumeration;
        return this;
    }

    /// <summary>Stamps the following events with <paramref name="time"/>.</summary>
    /// <param name="time">The time since the clock's start.</param>
    /// <returns>This builder.</returns>
    public ExpectedTimeline At(TimeSpan time)
    {
        _time = time;
        return this;
    }

    /// <summary>Expects <c>GetAsyncEnumerator</c>, with a token that can be cancelled or not.</summary>
    /// <param name="cancellableToken">Whether the token passed could be cancelled.</param>
    /// <returns>This builder.</returns>
    public ExpectedTimeline GetAsyncEnumerator(bool cancellableToken = false) => Add(TimelineEventKind.GetAsyncEnumerator, cancellableToken);

    /// <summary>Expects a <c>MoveNextAsync</c> call to start.</summary>
    /// <returns>This builder.</returns>
    public ExpectedTimeline MoveNextStarted() => Add(TimelineEventKind.MoveNextStarted);

    /// <summary>Expects <c>MoveNextAsync</c> to yield <paramref name="item"/>.</summary>
    /// <param name="item">The item.</param>
    /// <returns>This builder.</returns>
    public ExpectedTimeline Yielded(object? item) => Add(TimelineEventKind.Yielded, item);

    /// <summary>Expects <c>MoveNextAsync</c> to return <see langword="false"/>.</summary>
    /// <returns>This builder.</returns>
    public ExpectedTimeline Completed() => Add(TimelineEventKind.Completed);

    /// <summary>Expects a call to throw <paramref name="exception"/> (the same instance).</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>This builder.</returns>
    public ExpectedTimeline Faulted(Exception exception) => Add(TimelineEventKind.Faulted, exception);

    /// <summary>Expects <c>MoveNextAsync</c> to throw <see cref="OperationCanceledException"/>.</summary>
    /// <returns>This builder.</returns>
    public ExpectedTimeline Canceled() => Add(TimelineEventKind.Canceled);

    /// <summary>Expects <c>DisposeAsync</c> to be called.</summary>
    /// <returns>This builder.</returns>
    public ExpectedTimeline DisposeStarted() => Add(TimelineEventKind.DisposeStarted);

    /// <summary>Expects <c>DisposeAsync</c> to finish.</summary>
    /// <returns>This builder.</returns>
    public ExpectedTimeline Disposed() => Add(TimelineEventKind.Disposed);

    /// <summary>Expects the enumeration's token to be cancelled.</summary>
    /// <returns>This builder.</returns>
    public ExpectedTimeline TokenCanceled() => Add(TimelineEventKind.TokenCanceled);

    /// <summary>Expects a protocol violation with exactly <paramref name="message"/>.</summary>
    /// <param name="message">The violation's message.</param>
    /// <returns>This builder.</returns>
    public ExpectedTimeline Violation(string message) => Add(TimelineEventKind.Violation, message);

    /// <summary>Expects the test's mark <paramref name="label"/> (source "test", enumeration 0).</summary>
    /// <param name="label">The label given to <see cref="Timeline.Mark"/>.</param>
    /// <returns>This builder.</returns>
    public ExpectedTimeline Mark(string label)
    {
        _events.Add(new TimelineEvent(_time, "test", 0, TimelineEventKind.Mark, label));
        return this;
    }

    /// <summary>Expects a <c>MoveNextAsync</c> call that yields <paramref name="item"/> at the same time.</summary>
    /// <param name="item">The item.</param>
    /// <returns>This builder.</returns>
    public ExpectedTimeline MoveNextYielding(object? item) => MoveNextStarted().Yielded(item);

    /// <summary>Expects a <c>MoveNextAsync</c> call that returns <see langword="false"/> at the same time.</summary>
    /// <returns>This builder.</returns>
    public ExpectedTimeline MoveNextCompleting() => MoveNextStarted().Completed();

    /// <summary>Expects a <c>DisposeAsync</c> call that finishes at the same time.</summary>
    /// <returns>This builder.</returns>
    public ExpectedTimeline DisposeAsyncFinishing() => DisposeStarted().Disposed();

    /// <summary>Expects an event of any kind, for kinds without their own method.</summary>
    /// <param name="kind">What happens.</param>
    /// <param name="value">The event's value.</param>
    /// <returns>This builder.</returns>
    public ExpectedTimeline Add(TimelineEventKind kind, object? value = null)
    {
        _events.Add(new TimelineEvent(_time, _source, _enumeration, kind, value));
        return this;
    }

    /// <summary>Returns an enumerator over the expected events.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<TimelineEvent> GetEnumerator() => _events.GetEnumerator();

    /// <summary>Renders the expected events the way <see cref="Timeline.Render"/> shows recorded ones.</summary>
    /// <returns>The rendering, under a virtual-time header.</returns>
    public override string ToString() => TimelineRenderer.Render(_events, isVirtual: true, options: null);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
