namespace AsyncEnumTesting.Tests.Reading;

/// <content>Sources that answer <c>MoveNextAsync</c> at once, which the reader pulls without a task of its own.</content>
public sealed partial class AsyncSequenceReaderTests
{
    [Fact]
    public async Task AwaitItemAsync_TestSetsAsyncLocalBetweenSteps_EachPullSeesTheValueOfItsTime()
    {
        var local = new AsyncLocal<string?>();
        var reader = Sources.ReadingLocal(local).OpenReader();

        local.Value = "a";
        var first = await reader.AwaitItemAsync(); // pulled when the reader opened; the next pull starts now
        local.Value = "b";
        var second = await reader.AwaitItemAsync();
        var third = await reader.AwaitItemAsync();
        await reader.CancelAndIgnoreRemainingAsync();
        await reader.DisposeAsync();

        Assert.Equal(new[] { null, "a", "b" }, new[] { first, second, third });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AwaitErrorAsync_SourceFailsAtOnce_ReturnsTheSourcesException(bool thrown)
    {
        var boom = new InvalidOperationException("boom");
        await using var reader = Sources.FailingAtOnce([1], boom, thrown).OpenReader();

        Assert.Equal(1, await reader.AwaitItemAsync());
        var error = await reader.AwaitErrorAsync<InvalidOperationException>();

        Assert.Same(boom, error);
        Assert.Equal(TimelineEventKind.Disposed, reader.Timeline.Events[^1].Kind);
    }

    [Fact]
    public async Task AwaitItemAsync_FlowSuppressed_PullsAndReturnsEachItem()
    {
        await using var reader = Sources.Endless().OpenReader(options: new() { IgnoreRemainingEvents = true });

        Task<int> first;
        using (ExecutionContext.SuppressFlow())
        {
            first = reader.AwaitItemAsync(); // completes at once, and starts the next pull without a flow to mark
        }

        Assert.Equal(1, await first);
        Assert.Equal(2, await reader.AwaitItemAsync());
        Assert.Equal(3, await reader.AwaitItemAsync());
    }
}
