namespace AsyncEnumTesting.Tests.Timelines;

public sealed class TimelineRenderOptionsTests
{
    [Fact]
    public void Default_Values_FortyRowsNoHighlightDefaultFormat()
    {
        var options = TimelineRenderOptions.Default;

        Assert.Equal(40, options.MaxRows);
        Assert.Null(options.HighlightIndex);
        Assert.Null(options.HighlightNote);
        Assert.Null(options.FormatValue);
    }

    [Fact]
    public void MaxRows_BelowThree_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimelineRenderOptions { MaxRows = 2 });
    }
}
