namespace AsyncEnumTesting;

/// <content>Internal hooks for the sibling packages: who follows this clock's time, and which timelines it stamps.</content>
public sealed partial class VirtualClock
{
    private readonly List<Timeline> _timelines = [];

    /// <summary>Occurs after the clock moved forward, before the timer that moved it runs; the Rx bridge keeps a scheduler in step with it.</summary>
    internal event Action? TimeMoved;

    /// <summary>Gets a snapshot of the timelines created with this clock, in creation order, for test-failure reports.</summary>
    internal IReadOnlyList<Timeline> Timelines
    {
        get
        {
            lock (_timelines)
            {
                return [.. _timelines];
            }
        }
    }

    /// <summary>Remembers a timeline stamped by this clock.</summary>
    internal void RegisterTimeline(Timeline timeline)
    {
        lock (_timelines)
        {
            _timelines.Add(timeline);
        }
    }

    private void OnTimeMoved() => TimeMoved?.Invoke();
}
