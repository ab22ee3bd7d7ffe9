namespace AsyncEnumTesting.Tests.Reading;

public sealed partial class AsyncSequenceReaderTests
{
    [Fact]
    public async Task AwaitCompletionAsync_ItemCameInstead_FailsNamingIt()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, Second, [1, 2]).OpenReader(clock);
        await reader.AwaitItemAsync();

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitCompletionAsync);

        Assert.Equal(
            """
            Expected the sequence to complete, but the sequence yielded 2.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:01.000  #1 MoveNextAsync -> 1
              00:02.000  #1 MoveNextAsync -> 2      <- expected the completion
            """,
            ex.Message);
    }

    [Fact]
    public async Task AwaitCompletionAsync_SequenceFailed_FailsWithTheSequenceExceptionInside()
    {
        var clock = new VirtualClock();
        var boom = new InvalidOperationException("boom");
        await using var reader = Sources.Timed(clock, Second, [], boom).OpenReader(clock);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitCompletionAsync);

        Assert.Same(boom, ex.InnerException);
        Assert.StartsWith(
            "Expected the sequence to complete, but the sequence failed before any item, at 00:00.000 (00:00.000 into the stream), with InvalidOperationException: boom.",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitErrorAsync_ExpectedType_ReturnsTheException()
    {
        var clock = new VirtualClock();
        var boom = new InvalidOperationException("boom");
        await using var reader = Sources.Timed(clock, Second, [1], boom).OpenReader(clock);
        await reader.AwaitItemAsync();

        var error = await reader.AwaitErrorAsync<InvalidOperationException>();

        Assert.Same(boom, error);
        Assert.Equal(Second, clock.Elapsed);
    }

    [Fact]
    public async Task AwaitErrorAsync_BaseType_MatchesDerivedException()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, Second, [], new ArgumentNullException("x")).OpenReader(clock);

        var error = await reader.AwaitErrorAsync<ArgumentException>();

        Assert.IsType<ArgumentNullException>(error);
    }

    [Fact]
    public async Task AwaitErrorAsync_OtherType_FailsNamingBoth()
    {
        var clock = new VirtualClock();
        var boom = new InvalidOperationException("boom");
        await using var reader = Sources.Timed(clock, Second, [1], boom).OpenReader(clock);
        await reader.AwaitItemAsync();

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitErrorAsync<TimeoutException>);

        Assert.Same(boom, ex.InnerException);
        Assert.Equal(
            """
            Expected the sequence to fail with TimeoutException, but the sequence failed after 1 item, at 00:01.000 (00:00.000 after item [0], 00:01.000 into the stream), with InvalidOperationException: boom.
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator      token: cancellable
              00:01.000  #1 MoveNextAsync -> 1
              00:01.000  #1 MoveNextAsync -> threw  InvalidOperationException: boom      <- expected TimeoutException
              00:01.000  #1 DisposeAsync
            """,
            ex.Message);
    }

    [Fact]
    public async Task AwaitErrorAsync_SequenceCompleted_Fails()
    {
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, Second, []).OpenReader(clock);

        var ex = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitErrorAsync<InvalidOperationException>);

        Assert.StartsWith(
            "Expected the sequence to fail with InvalidOperationException, but the sequence completed before any item.",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitErrorAsync_GetAsyncEnumeratorThrows_ReturnsThatException()
    {
        await using var reader = new ThrowingSource().OpenReader();

        var error = await reader.AwaitErrorAsync<NotSupportedException>();

        Assert.Equal("no enumerator", error.Message);
    }

    [Fact]
    public async Task AwaitErrorAsync_SourceCanceledItself_ReturnsOperationCanceled()
    {
        using var own = new CancellationTokenSource();
        await own.CancelAsync();
        var clock = new VirtualClock();
        await using var reader = Sources.Timed(clock, Second, [1], ct: own.Token).OpenReader(clock);

        await reader.AwaitErrorAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task AwaitCompletionAsync_StringItemCame_QuotesIt()
    {
        var channel = System.Threading.Channels.Channel.CreateUnbounded<string?>();
        await channel.Writer.WriteAsync("b");
        await channel.Writer.WriteAsync(null);
        channel.Writer.Complete();
        await using var reader = channel.Reader.ReadAllAsync().OpenReader(options: new() { Name = "letters" });

        var first = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitCompletionAsync);
        await reader.SkipItemsAsync(1);
        var second = await Assert.ThrowsAsync<AsyncSequenceAssertionException>(reader.AwaitCompletionAsync);

        Assert.StartsWith("Expected \"letters\" to complete, but \"letters\" yielded \"b\".", first.Message, StringComparison.Ordinal);
        Assert.StartsWith("Expected \"letters\" to complete, but \"letters\" yielded null.", second.Message, StringComparison.Ordinal);
        await reader.SkipItemsAsync(1);
        await reader.AwaitCompletionAsync();
    }

    private sealed class ThrowingSource : IAsyncEnumerable<int>
    {
        public IAsyncEnumerator<int> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("no enumerator");
    }
}
