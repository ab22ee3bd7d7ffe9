namespace AsyncEnumTesting;

/// <content>What the probe saw, for assertions: enumerations, items, events, violations.</content>
public sealed partial class Probe<T>
{
    /// <summary>Gets a snapshot of every enumeration so far, in the order they started.</summary>
    public IReadOnlyList<ProbeEnumeration<T>> Enumerations => Snapshot(undisposedOnly: false);

    /// <summary>Gets the enumerations whose enumerator was handed out but not disposed (yet).</summary>
    /// <remarks>Query it after the code under test finished: an enumeration still in use is also listed.</remarks>
    public IReadOnlyList<ProbeEnumeration<T>> UndisposedEnumerations => Snapshot(undisposedOnly: true);

    /// <summary>Gets every item the probe yielded, over all enumerations, in the order they were yielded.</summary>
    public IReadOnlyList<T> Items
    {
        get
        {
            var items = new List<T>();
            foreach (var entry in Timeline.Entries())
            {
                if (entry.IsLazyItem && Timeline.ItemsOf(entry) is AppendLog<T> log && IsMine(entry))
                {
                    items.Add(log[entry.ItemIndex]);
                }
            }

            return items;
        }
    }

    /// <summary>Gets this probe's events from the shared timeline, in order.</summary>
    public IReadOnlyList<TimelineEvent> Events => Timeline.Snapshot(IsMine);

    /// <summary>Gets the protocol violations recorded so far, in order.</summary>
    /// <remarks>Undisposed enumerators are not violations until the end: see <see cref="UndisposedEnumerations"/>.</remarks>
    public IReadOnlyList<ProbeViolation> Violations
    {
        get
        {
            lock (_gate)
            {
                return [.. _violations];
            }
        }
    }

    private bool IsMine(TimelineEntry entry) => string.Equals(Timeline.StreamOf(entry.Stream).Source, Name, StringComparison.Ordinal);

    private List<ProbeEnumeration<T>> Snapshot(bool undisposedOnly)
    {
        Enumerator[] enumerations;
        lock (_gate)
        {
            enumerations = [.. _enumerations];
        }

        var result = new List<ProbeEnumeration<T>>(enumerations.Length);
        foreach (var enumeration in enumerations)
        {
            if (!undisposedOnly || enumeration.NeedsDisposal)
            {
                result.Add(enumeration.Describe());
            }
        }

        return result;
    }
}
