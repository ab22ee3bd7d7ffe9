using System.Reactive.Linq;
using AsyncEnumTesting.Reactive;
using Microsoft.Reactive.Testing;
using static Microsoft.Reactive.Testing.ReactiveTest;

namespace AsyncEnumTesting.Reactive.Tests;

/// <summary>Rx operators and async operators in one test, on one virtual time, checked with Rx's recorded notifications.</summary>
public sealed class OneTimelineTests
{
    [Fact]
    public async Task RxOperatorThenAsyncOperator_BothChecked_WithReactiveTestExpectations()
    {
        var (rxSide, asyncSide) = await VirtualTime.RunAsync(async clock =>
        {
            var scheduler = clock.CreateTestScheduler();
            var timeline = new Timeline(clock);
            var ticks = scheduler.CreateHotObservable(
                OnNext(Ms(210), 1), OnNext(Ms(220), 2), OnNext(Ms(300), 3), OnNext(Ms(410), 4), OnCompleted<int>(Ms(500)));

            // Rx operator: keep even numbers, shift them by 50 ms on the scheduler.
            var evens = ticks.Where(x => x % 2 == 0).Delay(TimeSpan.FromMilliseconds(50), scheduler);
            var rxObserver = scheduler.CreateObserver<int>();
            using var subscription = evens.Subscribe(rxObserver);

            // Async operator on the same stream: System.Linq.AsyncEnumerable.Select.
            var scaled = evens.ToAsyncSequence().Select(x => x * 10).Probe(timeline, "scaled");
            await scaled.ToListAsync();
            return (rxObserver.Messages, scaled.ToRecordedNotifications());
        });

        rxSide.AssertEqual(OnNext(Ms(270), 2), OnNext(Ms(460), 4), OnCompleted<int>(Ms(550)));
        asyncSide.AssertEqual(OnNext(Ms(270), 20), OnNext(Ms(460), 40), OnCompleted<int>(Ms(550)));
    }

    [Fact]
    public async Task AsyncProducerIntoRxOperator_RecordsProducerTimestamps()
    {
        var messages = await VirtualTime.RunAsync(async clock =>
        {
            var scheduler = clock.CreateTestScheduler();
            var observer = scheduler.CreateObserver<int>();

            // An async producer on the clock, pushed into an Rx Scan.
            var produced = Observable.Create<int>(async (o, token) =>
            {
                for (var i = 1; i <= 3; i++)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), clock, token);
                    o.OnNext(i);
                }

                o.OnCompleted();
            });
            await produced.Scan((sum, x) => sum + x).Do(observer);
            return observer.Messages;
        });

        messages.AssertEqual(
            OnNext(TimeSpan.FromSeconds(1).Ticks, 1),
            OnNext(TimeSpan.FromSeconds(2).Ticks, 3),
            OnNext(TimeSpan.FromSeconds(3).Ticks, 6),
            OnCompleted<int>(TimeSpan.FromSeconds(3).Ticks));
    }

    private static long Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds).Ticks;
}
