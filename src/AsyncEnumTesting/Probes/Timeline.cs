namespace AsyncEnumTesting;

/// <summary>Collects, in order, what happened to one or more async sequences and the test's own marks.</summary>
/// <remarks>
/// Several probes and fakes can share one timeline, so the order of events across sources ("inner disposed before
/// outer completed") can be asserted. Appending is thread-safe. Times come from the timeline's clock: virtual
/// time with a <see cref="VirtualClock"/>, real time elapsed since the timeline was created otherwise.
/// </remarks>
public sealed partial class Timeline
{
    private readonly Lock _gate = new();
    private readonly List<TimelineEvent> _events = [];
    private readonly long _origin;

    /// <summary>Initializes a new, empty timeline.</summary>
    /// <param name="clock">The clock that stamps events; <see cref="TimeProvider.System"/> (real elapsed time) when <see langword="null"/>.</param>
    public Timeline(TimeProvider? clock = null)
    {
        Clock = clock ?? TimeProvider.System;
        _origin = Clock is VirtualClock ? 0 : Clock.GetTimestamp();
        (Clock as VirtualClock)?.RegisterTimeline(this);
    }

    /// <summary>Gets the clock that stamps this timeline's events.</summary>
    public TimeProvider Clock { get; }

    /// <summary>Gets a snapshot of every event so far, in the order they were appended.</summary>
    public IReadOnlyList<TimelineEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Gets how many events the timeline holds.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>Gets the time since the timeline's origin now: virtual time with a <see cref="VirtualClock"/>, else real time.</summary>
    public TimeSpan Now => Clock.GetElapsedTime(_origin);

    /// <summary>Appends a mark, so the test's own steps ("db write") can be ordered against stream events.</summary>
    /// <param name="label">What the test did at this point.</param>
    /// <exception cref="ArgumentException"><paramref name="label"/> is null, empty or white space.</exception>
    public void Mark(string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        Append("test", 0, TimelineEventKind.Mark, label);
    }

    /// <summary>Appends an event stamped with the current time.</summary>
    internal TimelineEvent Append(string source, int enumeration, TimelineEventKind kind, object? value = null)
    {
        var e = new TimelineEvent(Now, source, enumeration, kind, value);
        lock (_gate)
        {
            _events.Add(e);
        }

        return e;
    }
}
