namespace AsyncEnumTesting;

/// <content>Probe items: appended with their Yielded entry, or merged into the MoveNextStarted entry just before them.</content>
internal sealed partial class TimelineLog
{
    /// <summary>Appends <paramref name="item"/> to <paramref name="items"/> and its Yielded event, and subtracts 1 from <paramref name="counter"/>, in one step.</summary>
    /// <remarks>
    /// <para>
    /// The item's index is taken in the same step as the entry's slot, so item order is timeline order without an
    /// atomic operation of its own.
    /// </para>
    /// <para>
    /// When the call completed synchronously (<paramref name="startedIndex"/> is its MoveNextStarted entry), nothing
    /// was appended since that entry and the stamp is still the same, the Yielded event is merged into that entry
    /// instead of taking one of its own: half the memory per item. Readers see two events either way (see
    /// <see cref="Expand"/>); the upgrade happens under the lock, so a later snapshot only ever adds to an earlier one.
    /// </para>
    /// </remarks>
    /// <param name="readsClock">Whether the entry reads the clock (see <see cref="Add(bool, object?, int, int)"/>).</param>
    /// <param name="items">The item log registered for <paramref name="stream"/>.</param>
    /// <param name="item">The item.</param>
    /// <param name="stream">The stream's id.</param>
    /// <param name="counter">The pending-call count.</param>
    /// <param name="startedIndex">The call's MoveNextStarted entry when it completed synchronously, else -1.</param>
    /// <param name="startedTicks">That entry's stamp.</param>
    /// <returns>The Yielded event's time in ticks.</returns>
    public long AddItem<T>(bool readsClock, AppendLog<T> items, T item, int stream, ref int counter, int startedIndex, long startedTicks)
    {
        Enter();
        if (items.Count >= TimelineEntry.MaxItems)
        {
            Exit();
            throw new InvalidOperationException($"A probe records at most {TimelineEntry.MaxItems} items per enumeration.");
        }

        var itemIndex = items.ReserveLocked();
        counter--;
        if (startedIndex >= 0 && startedIndex == _reserved - 1 && Stamp(readsClock) == startedTicks)
        {
            items.Commit(itemIndex, item);
            Volatile.Write(ref _store.Existing(startedIndex).Code, TimelineEntry.CodeOfMergedItem(itemIndex));
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

    /// <summary>Returns <paramref name="entries"/> with every merged entry split into its MoveNextStarted and Yielded events.</summary>
    private static TimelineEntry[] Expand(TimelineEntry[] entries)
    {
        var merged = 0;
        foreach (var entry in entries)
        {
            if (entry.IsMerged)
            {
                merged++;
            }
        }

        if (merged == 0)
        {
            return entries;
        }

        var events = new TimelineEntry[entries.Length + merged];
        var next = 0;
        foreach (var entry in entries)
        {
            if (entry.IsMerged)
            {
                events[next++] = entry with { Code = TimelineEntry.CodeOf(TimelineEventKind.MoveNextStarted) };
                events[next++] = entry with { Code = TimelineEntry.CodeOfItem(entry.ItemIndex) };
            }
            else
            {
                events[next++] = entry;
            }
        }

        return events;
    }
}
