namespace AsyncEnumTesting.Tests.Reading;

public sealed class AsyncSequenceReaderOptionsTests
{
    [Fact]
    public void Default_Values_AreDocumented()
    {
        var options = AsyncSequenceReaderOptions.Default;

        Assert.Equal(TimeSpan.FromSeconds(5), options.RealTimeLimit);
        Assert.Equal(TimeSpan.FromHours(1), options.VirtualTimeLimit);
        Assert.False(options.IgnoreRemainingEvents);
        Assert.Null(options.Name);
        Assert.Null(options.Timeline);
    }

    [Fact]
    public void Init_Values_AreKept()
    {
        var timeline = new Timeline();

        var options = new AsyncSequenceReaderOptions
        {
            RealTimeLimit = TimeSpan.FromSeconds(1),
            VirtualTimeLimit = TimeSpan.FromHours(1),
            IgnoreRemainingEvents = true,
            Name = "orders",
            Timeline = timeline,
        };

        Assert.Equal(TimeSpan.FromSeconds(1), options.RealTimeLimit);
        Assert.Equal(TimeSpan.FromHours(1), options.VirtualTimeLimit);
        Assert.True(options.IgnoreRemainingEvents);
        Assert.Equal("orders", options.Name);
        Assert.Same(timeline, options.Timeline);
    }
}
