using System.Diagnostics.CodeAnalysis;

namespace AsyncEnumTesting;

/// <content>Probe calls: MoveNextStarted, then the item with its Yielded entry, or merged into a run with the calls before.</content>
internal sealed partial class TimelineLog
{
    // The open run: the index of the merged entry that synchronous calls of one stream extend while it is the last
    // entry (-1 for none), its Stream field as last written, and where it is stored. All change under the lock only.
    private int _run = -1;
    private int _runState;
    private TimelineEntry[] _runChunk = [];
    private int _runSlot;

    /// <summary>Appends a MoveNextStarted entry only when <paramref name="counter"/> is 0, and then sets it to 1, in one step.</summary>
    /// <remarks>When the last entry is a run of the same stream at the same stamp, the event joins that run instead.</remarks>
    /// <param name="readsClock">Whether the entry reads the clock (see <see cref="Add(bool, object?, int, int)"/>).</param>
    /// <param name="stream">The stream's id.</param>
    /// <param name="code">The MoveNextStarted code.</param>
    /// <param name="counter">The pending-call count.</param>
    /// <param name="ticks">The event's time in ticks.</param>
    /// <param name="index">The entry that holds the event: its own, or the run it joined.</param>
    /// <param name="owned">Whether the caller held the lock as its owner (see <see cref="AppendLock.Reenter"/>).</param>
    /// <returns>Whether the counter was 0 (and the entry appended).</returns>
    public bool TryAddFirst(bool readsClock, int stream, int code, ref int counter, out long ticks, out int index, out bool owned)
    {
        owned = Enter();
        if (counter != 0)
        {
            Exit();
            ticks = 0;
            index = -1;
            return false;
        }

        counter = 1;
        if (_run == _reserved - 1 && (_runState & (TimelineEntry.RunStreams - 1)) == stream && _runState >= 0 &&
            TimelineEntry.RunPairsOf(_runState) < TimelineEntry.MaxRunPairs && Stamp(readsClock) == _lastTicks)
        {
            // The last entry is this stream's run at the same stamp: the call's MoveNextStarted joins it, no entry of its own.
            _runState |= TimelineEntry.RunTrailingStarted;
            Volatile.Write(ref _runChunk[_runSlot].Stream, _runState);
            Volatile.Write(ref _events, _events + 1);
            ticks = _lastTicks;
            index = _run;
            Exit();
            return true;
        }

        index = Reserve(readsClock, out ticks);
        Exit();
        Publish(index, ticks, null, -1, stream, code);
        return true;
    }

    /// <summary>Appends <paramref name="item"/> to <paramref name="items"/> and its Yielded event, and subtracts 1 from <paramref name="counter"/>, in one step.</summary>
    /// <remarks>
    /// <para>
    /// The item's index is taken in the same step as the entry's slot, so item order is timeline order without an
    /// atomic operation of its own.
    /// </para>
    /// <para>
    /// When the call completed synchronously (<paramref name="startedIndex"/> is its MoveNextStarted entry), nothing
    /// was appended since that entry and the stamp is still the same, the Yielded event is merged into that entry
    /// instead of taking one of its own: the entry becomes a run of one pair, or, when the MoveNextStarted had joined
    /// a run, that run gains a pair. A probe over a synchronous source so stores one entry per
    /// <see cref="TimelineEntry.MaxRunPairs"/> items. Readers see two events per item either way (see
    /// <see cref="Expand"/>); a run changes under the lock and only while it is the last entry, so a later snapshot
    /// only ever adds to an earlier one.
    /// </para>
    /// </remarks>
    /// <param name="readsClock">Whether the entry reads the clock (see <see cref="Add(bool, object?, int, int)"/>).</param>
    /// <param name="items">The item log registered for <paramref name="stream"/>.</param>
    /// <param name="item">The item.</param>
    /// <param name="stream">The stream's id.</param>
    /// <param name="counter">The pending-call count.</param>
    /// <param name="startedIndex">The call's MoveNextStarted entry when it completed synchronously, else -1.</param>
    /// <param name="startedTicks">That entry's stamp.</param>
    /// <param name="owned">What <see cref="TryAddFirst"/> said for that call, when it completed synchronously; else <see langword="false"/>.</param>
    /// <returns>The Yielded event's time in ticks.</returns>
    public long AddItem<T>(bool readsClock, AppendLog<T> items, T item, int stream, ref int counter, int startedIndex, long startedTicks, bool owned)
    {
        _lock.Reenter(owned);
        if (items.ReservedLocked >= TimelineEntry.MaxItems)
        {
            Exit();
            ThrowTooManyItems();
        }

        var itemIndex = items.ReserveLocked();
        counter--;
        if (startedIndex >= 0 && startedIndex == _reserved - 1 && stream < TimelineEntry.RunStreams && Stamp(readsClock) == startedTicks)
        {
            items.Commit(itemIndex, item);
            if (startedIndex == _run && _runState < 0)
            {
                // The run's trailing MoveNextStarted and this item become its next pair (the item is the run's next index).
                _runState = (_runState & ~TimelineEntry.RunTrailingStarted) + TimelineEntry.RunPair;
                Volatile.Write(ref _runChunk[_runSlot].Stream, _runState);
            }
            else
            {
                // Its Stream field is the plain id: a run of one pair.
                _run = startedIndex;
                _runState = stream;
                (_runChunk, _runSlot) = _store.ChunkOf(startedIndex);
                Volatile.Write(ref _runChunk[_runSlot].Code, TimelineEntry.CodeOfMergedItem(itemIndex));
            }

            Volatile.Write(ref _events, _events + 1);
            Exit();
            return startedTicks;
        }

        var index = Reserve(readsClock, out var ticks);
        Exit();

        // The item is readable before the entry that points at it is published.
        items.Commit(itemIndex, item);
        Publish(index, ticks, null, -1, stream, TimelineEntry.CodeOfItem(itemIndex));
        return ticks;
    }

    [DoesNotReturn]
    private static void ThrowTooManyItems() =>
        throw new InvalidOperationException($"A probe records at most {TimelineEntry.MaxItems} items per enumeration.");

    /// <summary>Returns <paramref name="entries"/> with every run split into its MoveNextStarted and Yielded events.</summary>
    private static TimelineEntry[] Expand(TimelineEntry[] entries)
    {
        var events = 0;
        foreach (var entry in entries)
        {
            events += entry.IsMerged ? (2 * entry.RunPairs) + (entry.RunHasTrailingStarted ? 1 : 0) : 1;
        }

        if (events == entries.Length)
        {
            return entries;
        }

        var result = new TimelineEntry[events];
        var next = 0;
        foreach (var entry in entries)
        {
            if (!entry.IsMerged)
            {
                result[next++] = entry;
                continue;
            }

            var started = new TimelineEntry { Ticks = entry.Ticks, Stream = entry.RunStream, Code = TimelineEntry.CodeOf(TimelineEventKind.MoveNextStarted) };
            var first = entry.ItemIndex;
            for (var pair = 0; pair < entry.RunPairs; pair++)
            {
                result[next++] = started;
                result[next++] = started with { Code = TimelineEntry.CodeOfItem(first + pair) };
            }

            if (entry.RunHasTrailingStarted)
            {
                result[next++] = started;
            }
        }

        return result;
    }
}
