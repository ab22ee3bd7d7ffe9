using static AsyncEnumTesting.FluentAssertions.Tests.Sources;

namespace AsyncEnumTesting.FluentAssertions.Tests.Sequences;

public sealed partial class AsyncEnumerableAssertionsTests
{
    [Fact]
    public async Task BeLazy_AsyncIterator_Passes()
    {
        var calls = 0;

        await Rows().Should().BeLazy(() => calls > 0);

        Assert.Equal(0, calls);

        async IAsyncEnumerable<int> Rows()
        {
            calls++;
            await Task.CompletedTask;
            yield return 1;
        }
    }

    [Fact]
    public async Task BeLazy_EagerWrapper_Fails()
    {
        var calls = 0;

        var message = await FailureOf(() => Eager().Should().BeLazy(() => calls > 0));

        Assert.Equal(
            Lines(
                "Expected Eager() to be lazy, doing nothing observable before the first MoveNextAsync, but the producer had already started before GetAsyncEnumerator: the call that created the sequence ran it eagerly.",
                "Timeline (real time):",
                "  --:--.---  #1 GetAsyncEnumerator  token: cancellable      <- already started",
                "  --:--.---  #1 DisposeAsync"),
            message);

        IAsyncEnumerable<int> Eager()
        {
            calls++;
            return Of(1);
        }
    }

    [Fact]
    public async Task BeLazy_WorkInGetAsyncEnumerator_Fails()
    {
        var source = new EagerEnumerable(null);

        var message = await FailureOf(() => source.Should().BeLazy(() => source.Started));

        Assert.StartsWith(
            "Expected source to be lazy, doing nothing observable before the first MoveNextAsync, but the producer started during GetAsyncEnumerator (the started check reported true before any MoveNextAsync).",
            message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeLazy_TimerCreatedInGetAsyncEnumerator_Fails()
    {
        var clock = new VirtualClock();
        var source = new EagerEnumerable(clock);

        var message = await FailureOf(() => source.Should(clock).BeLazy());

        Assert.Equal(
            Lines(
                "Expected source to be lazy, doing nothing observable before the first MoveNextAsync, but GetAsyncEnumerator created 1 timer on the clock before any MoveNextAsync.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable      <- timer created here",
                "  00:00.000  #1 DisposeAsync"),
            message);
        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public async Task Should_EachAssertion_EnumeratesExactlyOnce()
    {
        var source = new EagerEnumerable(null);

        await source.Should().YieldInOrder(1);
        await source.Should().StartWith(1);

        Assert.Equal(2, source.Enumerations);
        Assert.Equal(2, source.Disposals);
    }

    [Fact]
    public async Task YieldInOrder_GetAsyncEnumeratorThrows_FailsWithTheException()
    {
        var broken = new ThrowingEnumerable();

        var message = await FailureOf(() => broken.Should().YieldInOrder(1));

        Assert.StartsWith("Expected broken to yield {1} in order, but GetAsyncEnumerator threw InvalidOperationException: no connection.", message, StringComparison.Ordinal);
        Assert.EndsWith("The source's exception:" + Environment.NewLine + broken.Error, message, StringComparison.Ordinal);
    }

    /// <summary>Fails in GetAsyncEnumerator, before any MoveNextAsync.</summary>
    private sealed class ThrowingEnumerable : IAsyncEnumerable<int>
    {
        public Exception? Error { get; private set; }

        public IAsyncEnumerator<int> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            try
            {
                throw new InvalidOperationException("no connection");
            }
            catch (InvalidOperationException ex)
            {
                Error = ex;
                throw;
            }
        }
    }

    /// <summary>Starts its work (and, with a clock, a timer) in GetAsyncEnumerator: the laziness bug BeLazy exists for.</summary>
    private sealed class EagerEnumerable(TimeProvider? clock) : IAsyncEnumerable<int>
    {
        public bool Started { get; private set; }

        public int Enumerations { get; private set; }

        public int Disposals { get; private set; }

        public IAsyncEnumerator<int> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            Started = true;
            Enumerations++;
            var timer = clock?.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
            return new Enumerator(this, timer);
        }

        private sealed class Enumerator(EagerEnumerable owner, ITimer? timer) : IAsyncEnumerator<int>
        {
            private bool _done;

            public int Current => 1;

            public ValueTask<bool> MoveNextAsync()
            {
                var more = !_done;
                _done = true;
                return ValueTask.FromResult(more);
            }

            public ValueTask DisposeAsync()
            {
                owner.Disposals++;
                timer?.Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }
}
