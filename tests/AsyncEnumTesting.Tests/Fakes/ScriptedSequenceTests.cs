namespace AsyncEnumTesting.Tests.Fakes;

public sealed partial class ScriptedSequenceTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Yield_NoClock_YieldsItemsThenCompletes()
    {
        var source = FakeSequence.Script<int>().Yield(1, 2, 3);

        var items = await source.ToListAsync();

        Assert.Equal([1, 2, 3], items);
        Assert.Equal(1, source.Enumerations);
        Assert.Equal(1, source.Disposals);
        Assert.Equal(0, source.ActiveEnumerations);
    }

    [Fact]
    public async Task MoveNextAsync_ItemReady_CompletesSynchronously()
    {
        var source = FakeSequence.Script<int>().Yield(1);
        await using var e = source.GetAsyncEnumerator();

        var first = e.MoveNextAsync();
        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(await first);
        var second = e.MoveNextAsync();

        Assert.True(second.IsCompletedSuccessfully);
        Assert.False(await second);
    }

    [Fact]
    public async Task Wait_UnderRunner_YieldsAtExactVirtualTimes()
    {
        var stamps = await VirtualTime.RunAsync(async clock =>
        {
            var source = FakeSequence.Script<string>(clock).Yield("a").Wait(Second).Yield("b", "c").Wait(2 * Second).Yield("d");
            var seen = new List<string>();
            await foreach (var item in source)
            {
                seen.Add($"{item}@{clock.Elapsed.TotalMilliseconds}");
            }

            seen.Add($"end@{clock.Elapsed.TotalMilliseconds}");
            return seen;
        });

        Assert.Equal(["a@0", "b@1000", "c@1000", "d@3000", "end@3000"], stamps);
    }

    [Fact]
    public async Task Wait_ManualClock_PendsUntilAdvanced()
    {
        var clock = new VirtualClock();
        var source = FakeSequence.Script<int>(clock).Wait(Second).Yield(7);
        await using var e = source.GetAsyncEnumerator();

        var move = e.MoveNextAsync().AsTask();
        await clock.AdvanceAsync(TimeSpan.FromMilliseconds(999));
        Assert.False(move.IsCompleted);
        await clock.AdvanceAsync(TimeSpan.FromMilliseconds(1));

        Assert.True(move.IsCompleted);
        Assert.True(await move);
        Assert.Equal(7, e.Current);
    }

    [Fact]
    public async Task Wait_SlowConsumer_ShiftsLaterItems()
    {
        var stamps = await VirtualTime.RunAsync(async clock =>
        {
            var source = FakeSequence.Script<int>(clock).Yield(1).Wait(Second).Yield(2);
            var seen = new List<double>();
            await foreach (var item in source)
            {
                seen.Add(clock.Elapsed.TotalSeconds);
                await Task.Delay(5 * Second, clock);
            }

            return seen;
        });

        Assert.Equal([0d, 6d], stamps);
    }

    [Fact]
    public async Task Fail_AfterItems_ThrowsSameInstance()
    {
        var error = new InvalidOperationException("boom");
        var source = FakeSequence.Script<int>().Yield(1).Fail(error);
        var seen = new List<int>();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in source)
            {
                seen.Add(item);
            }
        });

        Assert.Same(error, thrown);
        Assert.Equal([1], seen);
        Assert.Equal(1, source.Disposals);
    }

    [Fact]
    public async Task MoveNextAsync_AfterFailure_ReturnsFalse()
    {
        var source = FakeSequence.Script<int>().Fail(new InvalidOperationException("boom"));
        await using var e = source.GetAsyncEnumerator();

        await Assert.ThrowsAsync<InvalidOperationException>(() => e.MoveNextAsync().AsTask());

        Assert.False(await e.MoveNextAsync());
    }

    [Fact]
    public async Task GetAsyncEnumerator_Twice_EnumerationsAreIndependent()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var source = FakeSequence.Script<int>(clock, "cold", timeline).Yield(1, 2);

        await using var first = source.GetAsyncEnumerator();
        await using var second = source.GetAsyncEnumerator();
        Assert.True(await first.MoveNextAsync());
        Assert.True(await first.MoveNextAsync());
        Assert.True(await second.MoveNextAsync());

        Assert.Equal(2, first.Current);
        Assert.Equal(1, second.Current);
        Assert.Equal(2, source.Enumerations);
        Assert.Equal(2, source.ActiveEnumerations);
        Assert.Equal(
            [(1, TimelineEventKind.GetAsyncEnumerator), (2, TimelineEventKind.GetAsyncEnumerator), (1, TimelineEventKind.Yielded), (1, TimelineEventKind.Yielded), (2, TimelineEventKind.Yielded)],
            timeline.Events.Where(e => e.Kind != TimelineEventKind.MoveNextStarted).Select(e => (e.Enumeration, e.Kind)));
    }

    [Fact]
    public async Task GetAsyncEnumerator_WithTimeline_RecordsWholeEnumeration()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var error = new InvalidOperationException("boom");
        var source = FakeSequence.Script<int>(clock, "orders", timeline).Yield(1).Wait(Second).Fail(error);

        await VirtualTime.RunAsync(clock, async _ =>
        {
            await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                await foreach (var item in source)
                {
                }
            });
        });

        Assert.Equal(
            [
                new TimelineEvent(TimeSpan.Zero, "orders", 1, TimelineEventKind.GetAsyncEnumerator, false),
                new TimelineEvent(TimeSpan.Zero, "orders", 1, TimelineEventKind.MoveNextStarted),
                new TimelineEvent(TimeSpan.Zero, "orders", 1, TimelineEventKind.Yielded, 1),
                new TimelineEvent(TimeSpan.Zero, "orders", 1, TimelineEventKind.MoveNextStarted),
                new TimelineEvent(Second, "orders", 1, TimelineEventKind.Faulted, error),
                new TimelineEvent(Second, "orders", 1, TimelineEventKind.DisposeStarted),
                new TimelineEvent(Second, "orders", 1, TimelineEventKind.Disposed),
            ],
            timeline.Events);
    }

    [Fact]
    public async Task GetAsyncEnumerator_WithTimeline_RecordsSameEventsAsProbe()
    {
        var recorded = await Run(clock => FakeSequence.Script<int>(clock, "s", new Timeline(clock)).Yield(1).Wait(Second).Yield(2).HangUntilCanceled());
        var probed = await Run(clock => FakeSequence.Script<int>(clock).Yield(1).Wait(Second).Yield(2).HangUntilCanceled().Probe(new Timeline(clock), "s"));

        Assert.Equal(probed, recorded);
        Assert.Equal(10, recorded.Count);

        static async Task<IReadOnlyList<TimelineEvent>> Run(Func<VirtualClock, IAsyncEnumerable<int>> create)
        {
            var clock = new VirtualClock();
            var source = create(clock);
            await VirtualTime.RunAsync(clock, async _ =>
            {
                using var cts = new CancellationTokenSource(5 * Second, clock);
                await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
                {
                    await foreach (var item in source.WithCancellation(cts.Token))
                    {
                    }
                });
            });
            return source is Probe<int> probe ? probe.Timeline.Events : ((ScriptedSequence<int>)source).Timeline!.Events;
        }
    }

    [Fact]
    public void Script_SameNameTwiceOnTimeline_Throws()
    {
        var timeline = new Timeline(new VirtualClock());
        FakeSequence.Script<int>(name: "orders", timeline: timeline);

        Assert.Throws<ArgumentException>(() => FakeSequence.Script<int>(name: "orders", timeline: timeline));
    }

    [Fact]
    public async Task Script_UnnamedOnSharedTimeline_NumbersDefaultNames()
    {
        var timeline = new Timeline(new VirtualClock());
        var first = FakeSequence.Script<int>(timeline: timeline).Yield(1);
        var second = FakeSequence.Script<int>(timeline: timeline).Yield(2);

        await first.ToListAsync();
        await second.ToListAsync();

        Assert.Equal(("scripted", "scripted2"), (first.Name, second.Name));
        Assert.Equal(["scripted", "scripted2"], timeline.Events.Select(e => e.Source).Distinct());
    }

    [Fact]
    public async Task Complete_Explicit_CompletesAfterWait()
    {
        var end = await VirtualTime.RunAsync(async clock =>
        {
            await foreach (var item in FakeSequence.Script<int>(clock).Yield(1).Wait(Second).Complete())
            {
            }

            return clock.Elapsed;
        });

        Assert.Equal(Second, end);
    }

    [Fact]
    public async Task Generate_Take_YieldsIndexedItemsEveryInterval()
    {
        var stamps = await VirtualTime.RunAsync(async clock =>
        {
            var seen = new List<string>();
            await foreach (var item in FakeSequence.Script<int>(clock).Yield(-1).Generate(i => i * 10, Second).Take(4))
            {
                seen.Add($"{item}@{clock.Elapsed.TotalSeconds}");
            }

            return seen;
        });

        Assert.Equal(["-1@0", "0@1", "10@2", "20@3"], stamps);
    }

    [Fact]
    public void Wait_NoClock_ThrowsSayingToPassClock()
    {
        var source = FakeSequence.Script<int>(name: "orders");

        var ex = Assert.Throws<InvalidOperationException>(() => source.Wait(Second));

        Assert.Equal(
            "Cannot Wait(00:01.000) in scripted sequence \"orders\": it has no clock, and fakes never wait on real time. " +
            "Create it with a VirtualClock, for example FakeSequence.Script<T>(clock).",
            ex.Message);
    }

    [Fact]
    public void Wait_Zero_NeedsNoClock()
    {
        var source = FakeSequence.Script<int>().Wait(TimeSpan.Zero);

        Assert.Equal("scripted sequence \"scripted\": Wait(00:00.000)", source.ToString());
    }

    [Fact]
    public void Wait_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FakeSequence.Script<int>(new VirtualClock()).Wait(TimeSpan.FromTicks(-1)));
    }

    [Fact]
    public void Yield_AfterTerminalStep_ThrowsNamingBoth()
    {
        var source = FakeSequence.Script<int>(name: "orders").Yield(1).Complete();

        var ex = Assert.Throws<InvalidOperationException>(() => source.Yield(2));

        Assert.Equal(
            "Cannot add Yield(2) to scripted sequence \"orders\": the script already ends with Complete(), and nothing happens after a terminal step. " +
            "Put every item and wait before Fail, Complete, HangUntilCanceled, HangIgnoringCancellation or Generate.",
            ex.Message);
    }

    [Fact]
    public void ToString_Script_ListsSteps()
    {
        var source = FakeSequence.Script<int>(new VirtualClock(), "prices").Yield(1).Wait(TimeSpan.FromSeconds(5)).Fail(new TimeoutException());

        Assert.Equal("scripted sequence \"prices\": Yield(1), Wait(00:05.000), Fail(TimeoutException)", source.ToString());
    }
}
