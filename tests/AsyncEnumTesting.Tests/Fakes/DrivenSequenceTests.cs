namespace AsyncEnumTesting.Tests.Fakes;

public sealed partial class DrivenSequenceTests
{
    [Fact]
    public async Task Emit_ReaderWaiting_DeliversAndDemandDrops()
    {
        var source = FakeSequence.Driven<int>();
        await using var e = source.GetAsyncEnumerator();
        var move = e.MoveNextAsync();
        Assert.Equal(1, source.Demand);

        source.Emit(5);

        Assert.Equal(0, source.Demand);
        Assert.True(await move);
        Assert.Equal(5, e.Current);
        Assert.Equal(0, source.Buffered);
    }

    [Fact]
    public async Task Emit_NoReader_BuffersInOrder()
    {
        var source = FakeSequence.Driven<int>();

        source.Emit(1);
        source.Emit(2);
        source.Complete();

        Assert.Equal(2, source.Buffered);
        Assert.Equal([1, 2], await source.ToListAsync());
        Assert.Equal(0, source.Buffered);
    }

    [Fact]
    public async Task Emit_ReaderWaiting_DoesNotRunConsumerInline()
    {
        var log = await VirtualTime.RunAsync(async clock =>
        {
            var source = FakeSequence.Driven<int>(clock);
            var log = new List<string>();
            var consumer = Consume(source, log);
            await source.WhenDemandAsync();

            source.Emit(1);
            log.Add("emitted");
            await source.WhenDemandAsync();
            source.Complete();
            log.Add("completed");
            await consumer;
            return log;
        });

        Assert.Equal(["emitted", "got 1", "completed", "done"], log);

        static async Task Consume(DrivenSequence<int> source, List<string> log)
        {
            await foreach (var item in source)
            {
                log.Add($"got {item}");
            }

            log.Add("done");
        }
    }

    [Fact]
    public async Task WhenDemandAsync_UnderRunner_ResumesWhenConsumerAsks()
    {
        var log = await VirtualTime.RunAsync(async clock =>
        {
            var source = FakeSequence.Driven<int>(clock);
            var log = new List<string>();
            var consumer = Consume(source, clock, log);
            for (var i = 1; i <= 3; i++)
            {
                await source.WhenDemandAsync();
                log.Add($"demand at {clock.Elapsed.TotalSeconds}");
                source.Emit(i);
            }

            await source.WhenDemandAsync();
            source.Complete();
            await consumer;
            return log;
        });

        Assert.Equal(["demand at 0", "got 1 at 0", "demand at 2", "got 2 at 2", "demand at 4", "got 3 at 4", "done at 6"], log);

        static async Task Consume(DrivenSequence<int> source, VirtualClock clock, List<string> log)
        {
            await foreach (var item in source)
            {
                log.Add($"got {item} at {clock.Elapsed.TotalSeconds}");
                await Task.Delay(TimeSpan.FromSeconds(2), clock);
            }

            log.Add($"done at {clock.Elapsed.TotalSeconds}");
        }
    }

    [Fact]
    public async Task WhenDemandAsync_PlainTestWithClock_DrivesClockUntilDemand()
    {
        var clock = new VirtualClock();
        var source = FakeSequence.Driven<int>(clock);
        var consumer = Consume();

        await source.WhenDemandAsync();

        Assert.Equal(TimeSpan.FromSeconds(10), clock.Elapsed);
        source.Complete();
        await consumer;

        async Task Consume()
        {
            await Task.Delay(TimeSpan.FromSeconds(10), clock);
            await foreach (var item in source)
            {
            }
        }
    }

    [Fact]
    public async Task WhenDemandAsync_NoDemandCanCome_FailsInsteadOfHanging()
    {
        var clock = new VirtualClock { RealTimeGrace = TimeSpan.FromMilliseconds(50) };
        var source = FakeSequence.Driven<int>(clock);

        await Assert.ThrowsAsync<VirtualTimeException>(() => source.WhenDemandAsync());
    }

    [Fact]
    public async Task WhenDemandAsync_NoClockAndNoConsumer_FailsAfterTheReadersRealTimeLimit()
    {
        var source = FakeSequence.Driven<int>(name: "prices");

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => source.WhenDemandAsync());

        Assert.Equal(
            "WhenDemandAsync waited 5.000 s of real time for 1 pending MoveNextAsync call(s) on driven sequence \"prices\", and the demand is 0. "
            + "Is the consumer running and reading this sequence? A consumer that waits on timers needs the fake's clock: FakeSequence.Driven<T>(clock).",
            ex.Message);
    }

    [Fact]
    public async Task WhenDemandAsync_Count_WaitsForThatManyReaders()
    {
        var source = FakeSequence.Driven<int>();
        var first = source.GetAsyncEnumerator();
        var second = source.GetAsyncEnumerator();
        var waiting = source.WhenDemandAsync(2);
        var a = first.MoveNextAsync();
        Assert.False(waiting.IsCompleted);

        var b = second.MoveNextAsync();
        await waiting;

        Assert.Equal(2, source.Demand);
        source.Emit(1);
        source.Emit(2);
        Assert.True(await a);
        Assert.True(await b);
        Assert.Equal((1, 2), (first.Current, second.Current));
    }

    [Fact]
    public async Task Emit_TwoReadersWaiting_LongestWaitingGetsFirstItem()
    {
        var source = FakeSequence.Driven<string>();
        var early = source.GetAsyncEnumerator();
        var late = source.GetAsyncEnumerator();
        var lateMove = late.MoveNextAsync();
        var earlyMove = early.MoveNextAsync();

        source.Emit("first");
        source.Emit("second");

        Assert.True(await lateMove);
        Assert.True(await earlyMove);
        Assert.Equal(("first", "second"), (late.Current, early.Current));
    }

    [Fact]
    public async Task WhenDemandAsync_Canceled_Throws()
    {
        var source = FakeSequence.Driven<int>();
        using var cts = new CancellationTokenSource();
        var waiting = source.WhenDemandAsync(cancellationToken: cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task WhenDemandAsync_ZeroCount_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => FakeSequence.Driven<int>().WhenDemandAsync(0));
    }

    [Fact]
    public async Task Fail_ReaderWaiting_ThrowsAfterBufferedItems()
    {
        var error = new InvalidOperationException("feed lost");
        var source = FakeSequence.Driven<int>();
        source.Emit(1);
        var seen = new List<int>();

        source.Fail(error);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in source)
            {
                seen.Add(item);
            }
        });
        Assert.Same(error, thrown);
        Assert.Equal([1], seen);
    }

    [Fact]
    public async Task Complete_ReaderWaiting_Completes()
    {
        var source = FakeSequence.Driven<int>();
        await using var e = source.GetAsyncEnumerator();
        var move = e.MoveNextAsync();

        source.Complete();

        Assert.False(await move);
        Assert.True(source.IsEnded);
    }

    [Fact]
    public void Emit_AfterComplete_ThrowsSayingWhatToDo()
    {
        var source = FakeSequence.Driven<int>(name: "prices");
        source.Complete();

        var ex = Assert.Throws<InvalidOperationException>(() => source.Emit(3));

        Assert.Equal(
            "Cannot Emit(3) on driven sequence \"prices\": it already ended with Complete(). Emit every item before Complete or Fail, " +
            "and end a driven sequence once; use a new driven sequence for another run.",
            ex.Message);
    }

    [Fact]
    public void Complete_AfterFail_ThrowsNamingTheEnding()
    {
        var source = FakeSequence.Driven<int>(name: "prices");
        source.Fail(new TimeoutException());

        var ex = Assert.Throws<InvalidOperationException>(source.Complete);

        Assert.StartsWith("Cannot Complete() on driven sequence \"prices\": it already ended with Fail(TimeoutException).", ex.Message, StringComparison.Ordinal);
    }
}
