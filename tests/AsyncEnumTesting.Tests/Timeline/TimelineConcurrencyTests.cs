namespace AsyncEnumTesting.Tests.Timelines;

/// <summary>Hammers the timeline with writers on several threads and a reader taking snapshots meanwhile.</summary>
/// <remarks>
/// Bounded: every writer appends a fixed number of events and the reader stops when they are done; no sleeps. Each
/// round starts a fresh timeline, so writers keep crossing into storage chunks nobody created yet (where a snapshot
/// used to find a reserved slot without its chunk and throw NullReferenceException).
/// The suite runs a quarter of the rounds these tests once had (they were a third of the core suite's CPU time); the
/// stress runner runs them at <see cref="Strength"/> 8 and more: <c>AsyncEnumTesting.Stress hammers [strength]</c>.
/// </remarks>
public sealed class TimelineConcurrencyTests
{
    private const int Writers = 8;

    /// <summary>How many times over each test runs its rounds: 1 in the suite, raised by the stress runner.</summary>
    public static int Strength { get; set; } = 1;

    [Fact]
    public void Events_ReadWhileEightThreadsAppend_EverySnapshotIsAnInOrderPrefixPerWriter()
    {
        Hammer(
            rounds: 15 * Strength,
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
            rounds: 25 * Strength,
            perWriter: 1,
            () => ProbeEach(probes, perWriter),
            (_, writer, _) => Drain(probes[writer]),
            timeline =>
            {
                var items = probes[0].Items;
                Assert.Equal(Enumerable.Range(0, items.Count), items);
                return timeline.Count;
            });
    }

    [Fact]
    public void Events_ReadWhileEightProbesOnEightThreadsYield_EachSnapshotExtendsThePreviousOne()
    {
        const int perWriter = 2_000;
        var probes = new Probe<int>[Writers];
        IReadOnlyList<TimelineEvent> previous = [];
        Hammer(
            rounds: 4 * Strength,
            perWriter: 1,
            () =>
            {
                previous = [];
                return ProbeEach(probes, perWriter);
            },
            (_, writer, _) => Drain(probes[writer]),
            timeline =>
            {
                // Synchronous calls grow their stream's run in place: a snapshot must never see one grow behind a later event.
                var events = timeline.Events;
                Assert.True(events.Count >= previous.Count, $"{events.Count} events after {previous.Count}");
                for (var i = 0; i < previous.Count; i++)
                {
                    Assert.Equal(previous[i], events[i]);
                }

                previous = events;
                return events.Count;
            });
    }

    [Fact]
    public void Append_OtherThreadsJoinWhileTheFirstAppends_NoEventLostAndEachWriterInOrder()
    {
        const int first = 20_000;
        const int perOther = 2_000;
        for (var round = 0; round < 6 * Strength; round++)
        {
            // The first writer appends alone for a while (the lock is its own then), and the others join while it goes on.
            var timeline = new Timeline(new VirtualClock());
            var streams = Enumerable.Range(0, Writers).Select(w => timeline.RegisterStream("w" + w, 1)).ToArray();
            var writers = Enumerable.Range(0, Writers).Select(w => new Thread(() =>
            {
                for (var i = 0; i < (w == 0 ? first : perOther); i++)
                {
                    timeline.Append(streams[w], TimelineEventKind.Yielded, i);
                }
            })).ToList();
            writers[0].Start();
            while (timeline.Count < 100)
            {
                Thread.Yield(); // bounded: the first writer appends 20,000 events
            }

            writers.Skip(1).ToList().ForEach(t => t.Start());
            writers.ForEach(t => t.Join());

            var events = timeline.Events;
            Assert.Equal(first + ((Writers - 1) * perOther), events.Count);
            var next = new int[Writers];
            foreach (var e in events)
            {
                Assert.Equal(next[e.Source[1] - '0']++, (int)e.Value!);
            }
        }
    }

    [Fact]
    public void Events_RealTimeFromEightThreads_TimesNeverGoBackInOrder()
    {
        Hammer(
            rounds: 10 * Strength,
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

    [Fact]
    public async Task MoveNextAsync_EightThreadsOverlappingWithMisuseAllowed_RecordsEveryItemAndEndsWithNothingPending()
    {
        const int perWriter = 500;
        var probe = new SharedCounter().Probe(new Timeline(new VirtualClock()));
        probe.ThrowOnMisuse = false;
        var enumerator = probe.GetAsyncEnumerator();

        Hammer(
            rounds: Strength,
            perWriter,
            () => probe.Timeline,
            (_, _, _) => enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult(),
            timeline => timeline.Count);
        await enumerator.DisposeAsync();

        // Every call ended, so disposing found none pending; the items are the counter's values, each once.
        Assert.DoesNotContain(probe.Violations, v => v.Kind == ProbeViolationKind.DisposeWhileMoveNextPending);
        Assert.Equal(Enumerable.Range(1, Strength * Writers * perWriter), probe.Items.Order());
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

    /// <summary>Yields 1, 2, 3, ... forever; safe to call from several threads at once.</summary>
    private sealed class SharedCounter : IAsyncEnumerable<int>, IAsyncEnumerator<int>
    {
        private readonly ThreadLocal<int> _current = new();
        private int _next;

        public int Current => _current.Value;

        public IAsyncEnumerator<int> GetAsyncEnumerator(CancellationToken cancellationToken = default) => this;

        public ValueTask<bool> MoveNextAsync()
        {
            _current.Value = Interlocked.Increment(ref _next);
            return new ValueTask<bool>(true);
        }

        public ValueTask DisposeAsync()
        {
            _current.Dispose();
            return default;
        }
    }

    /// <summary>Puts a probe over a synchronous source of <paramref name="perWriter"/> items in each slot, all on one new timeline.</summary>
    private static Timeline ProbeEach(Probe<int>[] probes, int perWriter)
    {
        var timeline = new Timeline(new VirtualClock());
        for (var w = 0; w < probes.Length; w++)
        {
            probes[w] = Enumerable.Range(0, perWriter).ToAsyncEnumerable().Probe(timeline, "p" + w);
        }

        return timeline;
    }

    /// <summary>Enumerates <paramref name="probe"/> to its end on the calling thread, then disposes the enumerator.</summary>
    private static void Drain(Probe<int> probe)
    {
        var enumerator = probe.GetAsyncEnumerator();
        while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
        {
        }

        enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
