using System.Diagnostics;

namespace AsyncEnumTesting;

/// <content>The settle's marker: an item sent through the pool's global queue (first in, first out) to learn that what was queued before it was taken.</content>
internal sealed partial class VirtualTimeRunner
{
    private int _markersSent;
    private int _markersRan;
    private bool _markerStuck;
    private long _markerSentAt;

    /// <summary>Sends a marker through the pool's global queue and waits until it ran, or the run got work or saw a hop.</summary>
    /// <returns><see langword="false"/> when the marker did not run before the deadline.</returns>
    private bool SendMarker(long deadline)
    {
        var sent = ++_markersSent;
        _markerSentAt = Stopwatch.GetTimestamp();
        PoolTakes.QueueOwn(static r => r.MarkerRan(), this);
        return WaitForMarker(sent, deadline);
    }

    /// <summary>Waits until marker <paramref name="sent"/> ran, or the run got work or saw a hop.</summary>
    /// <returns><see langword="false"/> when the marker did not run before the deadline.</returns>
    private bool WaitForMarker(int sent, long deadline)
    {
        lock (_signal)
        {
            while (Volatile.Read(ref _markersRan) < sent && _foreign.Count == 0 && Volatile.Read(ref _active) == 0)
            {
                var remaining = deadline - Stopwatch.GetTimestamp();
                if (remaining <= 0)
                {
                    return false;
                }

                Monitor.Wait(_signal, TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency));
            }
        }

        return true;
    }

    /// <summary>
    /// Before a hang is diagnosed after a marker did not run in time, gives the marker more time: a pool that is only slow
    /// (a loaded machine, other tests' work ahead of it) is not starved.
    /// </summary>
    /// <returns>
    /// <see langword="true"/> when the marker ran, or work of the run arrived, meanwhile: look again before diagnosing;
    /// <see langword="false"/> when the pool still did not start it (starved, or slower than the longer wait).
    /// </returns>
    /// <remarks>
    /// A run under load on 2 cores with tests beside it saw its marker wait more than one 100 ms grace and was told the pool
    /// was starved while it was only busy. The longer wait is at least two seconds, so a starved pool costs the diagnosis that
    /// much more and a busy one no false diagnosis.
    /// </remarks>
    private bool MarkerCameThrough(TimeSpan grace)
    {
        var wait = Math.Max(grace.Ticks, 2 * TimeSpan.TicksPerSecond);
        var deadline = Stopwatch.GetTimestamp() + (long)(wait / (double)TimeSpan.TicksPerSecond * Stopwatch.Frequency);
        if (!WaitForMarker(_markersSent, deadline))
        {
            return false;
        }

        _markerStuck = false;
        _dirty = true;
        return true;
    }

    private void MarkerRan()
    {
        Interlocked.Increment(ref _markersRan);
        lock (_signal)
        {
            Monitor.PulseAll(_signal);
        }
    }
}
