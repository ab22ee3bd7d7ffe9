namespace AsyncEnumTesting;

/// <summary>Collects, in order, what happened to one or more async sequences and the test's own marks.</summary>
/// <remarks>
/// <para>
/// Several probes and fakes can share one timeline, so the order of events across sources ("inner disposed before
/// outer completed") can be asserted. Times come from the timeline's clock: virtual time since the clock's start with
/// a <see cref="VirtualClock"/>, real time elapsed since the timeline was created otherwise.
/// </para>
/// <para>
/// Appending is thread-safe: events from any number of threads are kept in the order they were appended, none is
/// lost, and a later event never carries an earlier time. Reading (<see cref="Events"/> and the queries) returns
/// snapshots and never blocks writers. On real time (<see cref="TimeProvider.System"/>), an event of a call that
/// completed synchronously shares the time of the event before it; only calls that went asynchronous, marks and
/// token cancellations read the clock.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var timeline = new Timeline(clock);
/// var orders = source.Probe(timeline, "orders");
/// await foreach (var order in orders) { timeline.Mark("saved " + order); }
/// Console.WriteLine(timeline.Render());
/// </code>
/// </example>
public sealed partial class Timeline
{
    private readonly TimelineClock _clock;
    private readonly TimelineLog _entries;
    private readonly AppendLog<TimelineStream> _streams = new();
    private readonly Lock _registry = new();
    private readonly Dictionary<TimelineStream, int> _streamIds = [];
    private readonly HashSet<string> _probeNames = new(StringComparer.Ordinal);
    private readonly List<string> _givenNames = [];
    private readonly VirtualClock? _virtualClock;
    private int _markStream = -1;

    /// <summary>Initializes a new, empty timeline.</summary>
    /// <param name="clock">The clock that stamps events; <see cref="TimeProvider.System"/> (real elapsed time) when <see langword="null"/>.</param>
    public Timeline(TimeProvider? clock = null)
    {
        Clock = clock ?? TimeProvider.System;
        _virtualClock = Clock as VirtualClock;
        _clock = new TimelineClock(Clock);
        _entries = new TimelineLog(_clock);
        if (_virtualClock is not null)
        {
            ClockTimelines.Add(_virtualClock, this);
        }
    }

    /// <summary>Gets the clock that stamps this timeline's events.</summary>
    public TimeProvider Clock { get; }

    /// <summary>Gets a snapshot of every event so far, in the order they were appended.</summary>
    /// <remarks>Each read builds a new list (probe items are boxed here, not while recording): keep the result when you query it repeatedly.</remarks>
    public IReadOnlyList<TimelineEvent> Events => Snapshot(_ => true);

    /// <summary>Gets how many events the timeline holds.</summary>
    public int Count => _entries.Count;

    /// <summary>Gets the time since the timeline's origin now: virtual time with a <see cref="VirtualClock"/>, else real time.</summary>
    public TimeSpan Now => TimeSpan.FromTicks(NowTicks());

    /// <summary>Gets whether events are stamped with virtual time (the clock is a <see cref="VirtualClock"/>).</summary>
    internal bool IsVirtual => _virtualClock is not null;

    /// <summary>Gets the virtual clock that stamps events, if any.</summary>
    internal VirtualClock? VirtualClock => _virtualClock;

    /// <summary>Appends a mark, so the test's own steps ("db write") can be ordered against stream events.</summary>
    /// <param name="label">What the test did at this point.</param>
    /// <exception cref="ArgumentException"><paramref name="label"/> is null, empty or white space.</exception>
    public void Mark(string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        if (_markStream < 0)
        {
            _markStream = RegisterStream("test", 0);
        }

        Append(_markStream, TimelineEventKind.Mark, label);
    }

    /// <summary>Appends an event stamped with the current time.</summary>
    internal TimelineEvent Append(string source, int enumeration, TimelineEventKind kind, object? value = null)
    {
        var ticks = Append(RegisterStream(source, enumeration), kind, value);
        return new TimelineEvent(TimeSpan.FromTicks(ticks), source, enumeration, kind, value);
    }

    /// <summary>Appends an event of a registered stream, reading the clock; returns its time in ticks.</summary>
    internal long Append(int stream, TimelineEventKind kind, object? value = null) =>
        _entries.Add(readsClock: true, value, stream, TimelineEntry.CodeOf(kind));

    /// <summary>Appends an event of a registered stream; returns its time in ticks. The probes' hot path.</summary>
    /// <param name="stream">The stream's id.</param>
    /// <param name="kind">What happened.</param>
    /// <param name="readsClock">False for a call that completed synchronously: on real time it shares the previous stamp.</param>
    /// <param name="value">The event's value.</param>
    internal long Append(int stream, TimelineEventKind kind, bool readsClock, object? value = null) =>
        _entries.Add(readsClock, value, stream, TimelineEntry.CodeOf(kind));

    /// <summary>Appends an event and adds <paramref name="delta"/> to <paramref name="pending"/> in the same step.</summary>
    internal long Append(int stream, TimelineEventKind kind, bool readsClock, ref int pending, int delta, object? value = null) =>
        _entries.Add(readsClock, value, stream, TimelineEntry.CodeOf(kind), ref pending, delta);

    /// <summary>Adds <paramref name="delta"/> to a counter that <see cref="Append(int, TimelineEventKind, bool, ref int, int, object?)"/> also changes, without appending.</summary>
    internal void Adjust(ref int pending, int delta) => _entries.Adjust(ref pending, delta);

    /// <summary>Appends an event only when <paramref name="pending"/> is 0, setting it to 1 in the same step.</summary>
    /// <returns>Whether it was 0: when not, nothing was appended (another call is pending).</returns>
    internal bool TryAppendFirst(int stream, TimelineEventKind kind, bool readsClock, ref int pending, out long ticks, out int index, out bool owned) =>
        _entries.TryAddFirst(readsClock, stream, TimelineEntry.CodeOf(kind), ref pending, out ticks, out index, out owned);

    /// <summary>Appends a <see cref="TimelineEventKind.Yielded"/> event whose item stays typed in <paramref name="items"/>, and subtracts 1 from <paramref name="pending"/>.</summary>
    /// <remarks>
    /// A call that completed synchronously passes its MoveNextStarted entry (<paramref name="startedIndex"/>), which may
    /// then hold both events, and whether <see cref="TryAppendFirst"/> held the lock as its owner (<paramref name="owned"/>).
    /// </remarks>
    internal long AppendItem<T>(int stream, AppendLog<T> items, T item, bool readsClock, ref int pending, int startedIndex, long startedTicks, bool owned) =>
        _entries.AddItem(readsClock, items, item, stream, ref pending, startedIndex, startedTicks, owned);

    /// <summary>Keeps <paramref name="items"/> as the item log of <paramref name="stream"/>, before any of its items is appended.</summary>
    internal void RegisterItems(int stream, IBoxedItems items) => _entries.Register(stream, items);

    /// <summary>Returns the item log a lazy item entry points at.</summary>
    internal IBoxedItems ItemsOf(in TimelineEntry entry) => _entries.ItemsOf(entry);

    /// <summary>Returns the id of the (source, enumeration) stream, registering it on first use.</summary>
    internal int RegisterStream(string source, int enumeration)
    {
        var key = new TimelineStream(source, enumeration);
        lock (_registry)
        {
            if (!_streamIds.TryGetValue(key, out var id))
            {
                id = _streams.Add(key);
                _streamIds.Add(key, id);
            }

            return id;
        }
    }

    /// <summary>Reserves a probe name: the requested one, or <paramref name="defaultName"/>, then numbered ("source",
    /// "source2", ...), in creation order.</summary>
    /// <param name="name">The name the test gave; <see langword="null"/> for the default.</param>
    /// <param name="defaultName">The name to number when <paramref name="name"/> is <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">Another probe on this timeline has the requested name.</exception>
    internal string ReserveProbeName(string? name, string defaultName = "source")
    {
        lock (_registry)
        {
            if (name is not null)
            {
                if (!_probeNames.Add(name))
                {
                    throw new ArgumentException(
                        $"Another probe on this timeline is already named \"{name}\". Give each probe its own name so its events can be told apart.",
                        nameof(name));
                }

                _givenNames.Add(name);
                return name;
            }

            for (var n = 1; ; n++)
            {
                var numbered = n == 1 ? defaultName : defaultName + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (_probeNames.Add(numbered))
                {
                    return numbered;
                }
            }
        }
    }

    /// <summary>Returns whether a probe or fake on this timeline already has <paramref name="name"/>.</summary>
    internal bool HasProbeNamed(string name)
    {
        lock (_registry)
        {
            return _probeNames.Contains(name);
        }
    }

    /// <summary>Gets the names the test gave the probes and fakes that record here, in creation order (default names left out).</summary>
    /// <remarks>What a report says the timeline is of: <c>Timeline of "polls" (virtual time):</c>.</remarks>
    internal IReadOnlyList<string> GivenNames
    {
        get
        {
            lock (_registry)
            {
                return [.. _givenNames];
            }
        }
    }

    /// <summary>Gets the time of the latest event: what a consumer that just saw a probe record its result stamps it with, without reading the clock again.</summary>
    internal TimeSpan LastStamp => TimeSpan.FromTicks(_entries.LastTicks);

    /// <summary>Returns the current time in ticks since the origin.</summary>
    internal long NowTicks() => _clock.NowTicks();

    /// <summary>Builds the events whose entries match <paramref name="include"/>.</summary>
    internal List<TimelineEvent> Snapshot(Func<TimelineEntry, bool> include)
    {
        var entries = _entries.ToArray();
        var result = new List<TimelineEvent>(entries.Length);
        foreach (var entry in entries)
        {
            if (include(entry))
            {
                result.Add(ToEvent(entry));
            }
        }

        return result;
    }

    /// <summary>Returns the raw entries, for queries that filter before boxing.</summary>
    internal TimelineEntry[] Entries() => _entries.ToArray();

    /// <summary>Returns the stream with id <paramref name="stream"/>.</summary>
    internal TimelineStream StreamOf(int stream) => _streams[stream];

    /// <summary>Turns a stored entry into its public value.</summary>
    internal TimelineEvent ToEvent(TimelineEntry entry)
    {
        var stream = _streams[entry.Stream];
        return new TimelineEvent(TimeSpan.FromTicks(entry.Ticks), stream.Source, stream.Enumeration, entry.Kind, _entries.ValueOf(entry));
    }
}
