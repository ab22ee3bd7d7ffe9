namespace AsyncEnumTesting.Tests;

/// <summary>The package README's example, compiled and run so the README stays true.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public async Task Pager_StopsAfterTwoItems_DisposesThePageSource()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var pages = FakeSequence.FromMarbles(clock, "-a-b-c|").Probe(timeline, "pages");

        await using (var reader = pages.OpenReader(clock))
        {
            Assert.Equal('a', await reader.AwaitItemAsync());
            Assert.Equal('b', await reader.AwaitItemAsync());
            await reader.CancelAndIgnoreRemainingAsync();
        }

        Assert.Empty(pages.UndisposedEnumerations);
        Assert.Contains("DisposeAsync", timeline.Render(), StringComparison.Ordinal); // the stream's history, in virtual time
    }
}
