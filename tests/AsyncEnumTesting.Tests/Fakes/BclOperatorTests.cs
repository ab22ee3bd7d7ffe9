namespace AsyncEnumTesting.Tests.Fakes;

/// <summary>Consumes fakes through System.Linq.AsyncEnumerable, the operators users chain onto real sources.</summary>
public sealed class BclOperatorTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Take_ScriptedWithMoreItems_StopsAndDisposesSource()
    {
        var source = FakeSequence.Script<int>().Yield(1, 2, 3, 4);

        var items = await source.Take(2).ToListAsync();

        Assert.Equal([1, 2], items);
        Assert.Equal(1, source.Disposals);
        Assert.Equal(0, source.ActiveEnumerations);
    }

    [Fact]
    public async Task SelectWhere_OnMarbles_MapsAtFrameTimes()
    {
        var stamps = await VirtualTime.RunAsync(async clock =>
        {
            var seen = new List<string>();
            var query = FakeSequence.FromMarbles(clock, "-a-b-c|").Where(c => c != 'b').Select(char.ToUpperInvariant);
            await foreach (var item in query)
            {
                seen.Add($"{item}@{clock.Elapsed.TotalMilliseconds}");
            }

            return seen;
        });

        Assert.Equal(["A@10", "C@50"], stamps);
    }

    [Fact]
    public async Task Zip_TwoScriptedWaits_WaitsRunWhenZipAsksInTurn()
    {
        var pairs = await VirtualTime.RunAsync(async clock =>
        {
            var fast = FakeSequence.Script<int>(clock, "fast").Yield(1).Wait(Second).Yield(2).Wait(Second).Yield(3);
            var slow = FakeSequence.Script<string>(clock, "slow").Wait(3 * Second).Yield("a").Wait(3 * Second).Yield("b");
            var seen = new List<string>();
            await foreach (var (n, s) in fast.Zip(slow))
            {
                seen.Add($"{n}{s}@{clock.Elapsed.TotalSeconds}");
            }

            Assert.Equal((1, 1), (fast.Disposals, slow.Disposals));
            return seen;
        });

        // Zip asks fast, then slow: a wait starts when its MoveNextAsync is called (fast's 1 s wait runs from 3 s to 4 s).
        Assert.Equal(["1a@3", "2b@7"], pairs);
    }

    [Fact]
    public async Task Zip_TwoMarbleDiagrams_PairsAtDrawnTimes()
    {
        var pairs = await VirtualTime.RunAsync(async clock =>
        {
            var numbers = FakeSequence.FromMarbles(clock, "1-2-3|");
            var letters = FakeSequence.FromMarbles(clock, "--a--b|");
            var seen = new List<string>();
            await foreach (var (n, l) in numbers.Zip(letters))
            {
                seen.Add($"{n}{l}@{clock.Elapsed.TotalMilliseconds}");
            }

            return seen;
        });

        // Marble times are offsets from each enumeration's start, so a busy consumer does not shift them.
        Assert.Equal(["1a@20", "2b@50"], pairs);
    }

    [Fact]
    public async Task Take_Generated_EndlessSourceStopsAfterCount()
    {
        var (items, at, disposals) = await VirtualTime.RunAsync(async clock =>
        {
            var source = FakeSequence.Generate(clock, i => i * i, TimeSpan.FromSeconds(5));
            var list = await source.Take(4).ToListAsync();
            return (list, clock.Elapsed, source.Disposals);
        });

        Assert.Equal([0, 1, 4, 9], items);
        Assert.Equal(TimeSpan.FromSeconds(20), at);
        Assert.Equal(1, disposals);
    }

    [Fact]
    public async Task ToListAsync_TokenCanceledMidway_ThrowsAndDisposes()
    {
        var (token, thrown, source) = await VirtualTime.RunAsync(async clock =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90), clock);
            var source = FakeSequence.Generate(clock, i => i, Second * 60);
            var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.Select(i => i + 1).ToListAsync(cts.Token).AsTask());
            return (cts.Token, ex.CancellationToken, source);
        });

        Assert.Equal(token, thrown);
        Assert.Equal(1, source.Disposals);
        Assert.Equal(0, source.ActiveEnumerations);
    }

    [Fact]
    public async Task Select_DrivenSource_ReadsWhatTestEmits()
    {
        var items = await VirtualTime.RunAsync(async clock =>
        {
            var source = FakeSequence.Driven<int>(clock);
            var reading = source.Select(i => i * 10).ToListAsync().AsTask();
            await source.WhenDemandAsync();
            source.Emit(1);
            source.Emit(2);
            await source.WhenDemandAsync();
            source.Complete();
            return await reading;
        });

        Assert.Equal([10, 20], items);
    }
}
