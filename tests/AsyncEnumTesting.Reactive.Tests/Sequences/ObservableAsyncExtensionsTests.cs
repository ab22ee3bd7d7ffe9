using System.Reactive.Subjects;
using AsyncEnumTesting.Reactive;
using Microsoft.Reactive.Testing;
using static Microsoft.Reactive.Testing.ReactiveTest;

namespace AsyncEnumTesting.Reactive.Tests.Sequences;

public sealed class ObservableAsyncExtensionsTests
{
    // Task.Delay and TimeProvider timers count whole milliseconds, so the Rx times here are milliseconds in ticks.
    private static readonly VirtualTimeOptions Fast = new() { RealTimeGrace = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public void ToAsyncSequence_NullSource_Throws()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => ObservableAsyncExtensions.ToAsyncSequence<int>(null!));

        Assert.Equal("source", ex.ParamName);
    }

    [Fact]
    public void ToAsyncSequence_UndefinedPolicy_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Subject<int>().ToAsyncSequence((UnawaitedItemPolicy)7));

        Assert.StartsWith("UnawaitedItemPolicy 7 is not defined: use Buffer, Drop or Fail.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToAsyncSequence_ColdObservable_YieldsAtVirtualTimesAndUnsubscribesOnDispose()
    {
        var (items, xs) = await VirtualTime.RunAsync(async clock =>
        {
            var scheduler = clock.CreateTestScheduler();
            var cold = scheduler.CreateColdObservable(OnNext(Ms(100), 'a'), OnNext(Ms(300), 'b'), OnCompleted<char>(Ms(400)));
            var seen = new List<(double, char)>();
            await foreach (var item in cold.ToAsyncSequence())
            {
                seen.Add((clock.Elapsed.TotalMilliseconds, item));
            }

            return (seen, cold);
        }, Fast);

        Assert.Equal([(100.0, 'a'), (300.0, 'b')], items);
        xs.Subscriptions.AssertEqual(Subscribe(0, Ms(400)));
    }

    [Fact]
    public async Task ToAsyncSequence_HotObservable_MissesItemsBeforeFirstMoveNext()
    {
        var items = await VirtualTime.RunAsync(async clock =>
        {
            var scheduler = clock.CreateTestScheduler();
            var hot = scheduler.CreateHotObservable(OnNext(Ms(150), 1), OnNext(Ms(210), 2), OnNext(Ms(300), 3), OnCompleted<int>(Ms(400)));
            var sequence = hot.ToAsyncSequence();
            await Task.Delay(TimeSpan.FromMilliseconds(200), clock);
            var seen = new List<(double, int)>();
            await foreach (var item in sequence)
            {
                seen.Add((clock.Elapsed.TotalMilliseconds, item));
            }

            return seen;
        }, Fast);

        Assert.Equal([(210.0, 2), (300.0, 3)], items);
    }

    [Fact]
    public async Task GetAsyncEnumerator_BeforeMoveNext_DoesNotSubscribe()
    {
        var clock = new VirtualClock();
        var scheduler = clock.CreateTestScheduler();
        var cold = scheduler.CreateColdObservable(OnNext(Ms(100), 1));

        var enumerator = cold.ToAsyncSequence().GetAsyncEnumerator();
        Assert.Empty(cold.Subscriptions);
        var first = enumerator.MoveNextAsync();
        await clock.AdvanceAsync(TimeSpan.FromMilliseconds(100));

        Assert.True(await first);
        Assert.Equal(1, enumerator.Current);
        await enumerator.DisposeAsync();
        cold.Subscriptions.AssertEqual(Subscribe(0, Ms(100)));
    }

    [Fact]
    public async Task MoveNextAsync_ObservableFails_ThrowsSameException()
    {
        var boom = new InvalidOperationException("feed down");

        var thrown = await VirtualTime.RunAsync(async clock =>
        {
            var scheduler = clock.CreateTestScheduler();
            var cold = scheduler.CreateColdObservable(OnNext(Ms(100), 1), OnError<int>(Ms(200), boom));
            var seen = new List<int>();
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                await foreach (var item in cold.ToAsyncSequence())
                {
                    seen.Add(item);
                }
            });
            Assert.Equal([1], seen);
            Assert.Equal(200, clock.Elapsed.TotalMilliseconds);
            return ex;
        }, Fast);

        Assert.Same(boom, thrown);
    }

    [Theory]
    [InlineData(UnawaitedItemPolicy.Buffer, new[] { 1, 2, 3, 4 })]
    [InlineData(UnawaitedItemPolicy.Drop, new[] { 1, 4 })]
    public async Task MoveNextAsync_SlowConsumer_AppliesPolicy(UnawaitedItemPolicy policy, int[] expected)
    {
        var items = await VirtualTime.RunAsync(async clock =>
        {
            var scheduler = clock.CreateTestScheduler();
            var cold = scheduler.CreateColdObservable(OnNext(Ms(100), 1), OnNext(Ms(200), 2), OnNext(Ms(300), 3), OnNext(Ms(600), 4), OnCompleted<int>(Ms(700)));
            var seen = new List<int>();
            await foreach (var item in cold.ToAsyncSequence(policy))
            {
                seen.Add(item);
                if (item == 1)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(400), clock); // busy until 500: items 2 and 3 arrive unawaited
                }
            }

            return seen;
        }, Fast);

        Assert.Equal(expected, items);
    }

    [Fact]
    public async Task MoveNextAsync_SlowConsumerUnderFailPolicy_ThrowsNamingTheItem()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => VirtualTime.RunAsync(async clock =>
        {
            var scheduler = clock.CreateTestScheduler();
            var cold = scheduler.CreateColdObservable(OnNext(Ms(100), 1.5), OnNext(Ms(200), 2.5), OnNext(Ms(300), 3.5));
            await foreach (var item in cold.ToAsyncSequence(UnawaitedItemPolicy.Fail))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(150), clock);
            }
        }, Fast));

        Assert.Equal(
            "The observable pushed item #2 (2.5) while no MoveNextAsync was waiting, and the sequence was made with UnawaitedItemPolicy.Fail. " +
            "The consumer did not keep up with the observable: await MoveNextAsync before the item is due, or choose UnawaitedItemPolicy.Buffer " +
            "to queue such items (Drop to skip them).",
            ex.Message);
    }

    [Fact]
    public async Task MoveNextAsync_TokenCancelledWhileWaiting_ThrowsOperationCanceled()
    {
        var xs = await VirtualTime.RunAsync(async clock =>
        {
            var scheduler = clock.CreateTestScheduler();
            var cold = scheduler.CreateColdObservable(OnNext(Ms(1_000), 1));
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300), clock);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (var item in cold.ToAsyncSequence().WithCancellation(cts.Token))
                {
                    Assert.Fail($"Unexpected item {item}.");
                }
            });
            return cold;
        }, Fast);

        xs.Subscriptions.AssertEqual(Subscribe(0, Ms(300)));
    }

    [Fact]
    public async Task MoveNextAsync_WhilePreviousPending_Throws()
    {
        var subject = new Subject<int>();
        await using var enumerator = subject.ToAsyncSequence().GetAsyncEnumerator();
        var pending = enumerator.MoveNextAsync();

        var ex = Assert.Throws<InvalidOperationException>(() => enumerator.MoveNextAsync());

        Assert.Equal(
            "MoveNextAsync was called on an enumeration of an observable while its previous MoveNextAsync was still pending. " +
            "Await each MoveNextAsync before calling the next one: an async enumerator does not support overlapping calls.",
            ex.Message);
        subject.OnCompleted();
        Assert.False(await pending);
    }

    [Fact]
    public async Task MoveNextAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var enumerator = new Subject<int>().ToAsyncSequence().GetAsyncEnumerator();
        await enumerator.DisposeAsync();

        var ex = Assert.Throws<ObjectDisposedException>(() => enumerator.MoveNextAsync());

        Assert.Equal(
            "MoveNextAsync was called on an enumeration of an observable after DisposeAsync. " +
            "A disposed enumerator cannot move: call GetAsyncEnumerator to start a new enumeration.\nObject name: 'IAsyncEnumerator'.",
            ex.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task MoveNextAsync_ItemPushedDuringSubscribe_CompletesFirstCall()
    {
        var subject = new BehaviorSubject<int>(42);
        await using var enumerator = subject.ToAsyncSequence(UnawaitedItemPolicy.Fail).GetAsyncEnumerator();

        Assert.True(await enumerator.MoveNextAsync());

        Assert.Equal(42, enumerator.Current);
    }

    private static long Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds).Ticks;

    [Fact]
    public async Task MoveNextAsync_ItemsAndCompletionPushedAtOnce_YieldsThemInOrderThenFalse()
    {
        var source = new RawObservable(o =>
        {
            o.OnNext(1);
            o.OnNext(2);
            o.OnCompleted();
            o.OnNext(3); // after completion: ignored, as are the terminal calls below
            o.OnError(new InvalidOperationException("ignored"));
            o.OnCompleted();
        });

        var items = await source.ToAsyncSequence().ToListAsync();

        Assert.Equal([1, 2], items);
    }

    [Fact]
    public async Task MoveNextAsync_ErrorAfterBufferedItems_ThrowsAfterTheItems()
    {
        var boom = new InvalidOperationException("feed down");
        var source = new RawObservable(o =>
        {
            o.OnNext(1);
            o.OnNext(2);
            o.OnError(boom);
            o.OnCompleted();
        });
        var seen = new List<int>();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in source.ToAsyncSequence())
            {
                seen.Add(item);
            }
        });

        Assert.Same(boom, ex);
        Assert.Equal([1, 2], seen);
    }

    [Fact]
    public async Task MoveNextAsync_SubscribeThrows_ThrowsThatException()
    {
        var boom = new InvalidOperationException("cannot subscribe");
        await using var enumerator = new RawObservable(_ => throw boom).ToAsyncSequence().GetAsyncEnumerator();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await enumerator.MoveNextAsync());

        Assert.Same(boom, ex);
    }

    [Fact]
    public async Task MoveNextAsync_TokenAlreadyCancelled_ThrowsWithoutSubscribing()
    {
        var subscribed = false;
        await using var enumerator = new RawObservable(_ => subscribed = true).ToAsyncSequence().GetAsyncEnumerator(new CancellationToken(canceled: true));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await enumerator.MoveNextAsync());

        Assert.False(subscribed);
    }

    [Fact]
    public async Task DisposeAsync_DuringSubscribe_CancelsTheCallAndEndsTheSubscription()
    {
        IAsyncEnumerator<int>? enumerator = null;
        var source = new RawObservable(_ => enumerator!.DisposeAsync().AsTask().Wait());
        enumerator = source.ToAsyncSequence().GetAsyncEnumerator();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await enumerator.MoveNextAsync());

        Assert.Equal(1, source.Unsubscribed);
        await enumerator.DisposeAsync(); // a second dispose does nothing
        Assert.Equal(1, source.Unsubscribed);
    }

    /// <summary>An observable that calls its observer exactly as told, grammar or not, inside Subscribe.</summary>
    private sealed class RawObservable(Action<IObserver<int>> onSubscribe) : IObservable<int>
    {
        public int Unsubscribed { get; private set; }

        public IDisposable Subscribe(IObserver<int> observer)
        {
            onSubscribe(observer);
            return new Unsubscriber(this);
        }

        private sealed class Unsubscriber(RawObservable owner) : IDisposable
        {
            public void Dispose() => owner.Unsubscribed++;
        }
    }
}
