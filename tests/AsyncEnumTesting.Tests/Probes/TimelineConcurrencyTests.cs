namespace AsyncEnumTesting.Tests.Probes;

/// <summary>Hammers the timeline with writers on several threads and a reader taking snapshots meanwhile.</summary>
/// <remarks>
/// Bounded: every writer appends a fixed number of events and the reader stops when they are done; no sleeps. Each
/// round starts a fresh timeline, so writers keep crossing into storage chunks nobody created yet (where a snapshot
/// used to find a reserved slot without its chunk and throw NullReferenceException).
/// </remarks>
public sealed class TimelineConcurrencyTests
{
    private const int Writers = 8;

    [Fact]
    public void Events_ReadWhileEightThreadsAppend_EverySnapshotIsAnInOrderPrefixPerWriter()
    {
        Hammer(
            rounds: 60,
            perWriter: 3_000,
            () => new Timeline(new VirtualClock()),
            (timeline, writer, i) => timeline.Append(timeline.RegisterStream("w" + writer, 1), TimelineEventKind.Yielded, i),
            timeline =>
            {
                var events = timeline.Events;
                var next = new int[Writers];
                foreach (var e in events)
                {
                    var writer = e.Source[1] - '0';
                    Assert.Equal(next[writer]++, (int)e.Value!);
                }

                return events.Count;
            });
    }

    [Fact]
    public void Items_ReadWhileEightProbesOnEightThreadsYield_EverySnapshotIsAnInOrderPrefix()
    {
        const int perWriter = 2_000;
        var probes = new Probe<int>[Writers];
        Hammer(
            rounds: 150,
            perWriter: 1,
            () =>
            {
                var timeline = new Timeline(new VirtualClock());
                for (var w = 0; w < Writers; w++)
                {
                    probes[w] = Enumerable.Range(0, perWriter).ToAsyncEnumerable().Probe(timeline, "p" + w);
                }

                return timeline;
            },
            (_, writer, _) =>
            {
                var enumerator = probes[writer].GetAsyncEnumerator();
                while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                {
                }

                enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
            },
            timeline =>
            {
                var items = probes[0].Items;
                Assert.Equal(Enumerable.Range(0, items.Count), items);
                return timeline.Count;
            });
    }

    [Fact]
    public void Events_RealTimeFromEightThreads_TimesNeverGoBackInOrder()
    {
        Hammer(
            rounds: 20,
            perWriter: 5_000,
            () => new Timeline(),
            (timeline, _, _) => timeline.Mark("m"),
            _ => 0,
            timeline =>
            {
                var events = timeline.Events;
                var backwards = events.Skip(1).Where((e, i) => e.Time < events[i].Time).Count();
                Assert.Equal(0, backwards);
            });
    }

    /// <summary>Runs <paramref name="rounds"/> rounds of <see cref="Writers"/> writer threads appending while this thread reads.</summary>
    private static void Hammer(
        int rounds,
        int perWriter,
        Func<Timeline> create,
        Action<Timeline, int, int> write,
        Func<Timeline, int> read,
        Action<Timeline>? check = null)
    {
        for (var round = 0; round < rounds; round++)
        {
            var timeline = create();
            using var start = new Barrier(Writers + 1);
            var done = 0;
            var threads = Enumerable.Range(0, Writers).Select(w => new Thread(() =>
            {
                start.SignalAndWait();
                for (var i = 0; i < perWriter; i++)
                {
                    write(timeline, w, i);
                }

                Interlocked.Increment(ref done);
            })).ToList();
            threads.ForEach(t => t.Start());
            start.SignalAndWait();

            // Bounded: the writers finish after a fixed amount of work, and the reader stops then.
            while (Volatile.Read(ref done) < Writers)
            {
                read(timeline);
            }

            threads.ForEach(t => t.Join());
            read(timeline);
            check?.Invoke(timeline);
        }
    }
}
