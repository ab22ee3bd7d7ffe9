namespace AsyncEnumTesting.Tests.Messages;

public sealed class TimeFormatTests
{
    [Theory]
    [InlineData(0, "00:00.000")]
    [InlineData(1_500, "00:01.500")]
    [InlineData(59 * 60_000 + 59_999, "59:59.999")]
    [InlineData(3_600_000, "1:00:00.000")]
    [InlineData(2 * 86_400_000 + 3 * 3_600_000, "2.03:00:00.000")]
    [InlineData(-250, "-00:00.250")]
    public void Elapsed_Span_GrowsFromMinutesToDays(long milliseconds, string expected)
    {
        Assert.Equal(expected, TimeFormat.Elapsed(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Theory]
    [InlineData(0, "0.000 s")]
    [InlineData(50, "0.050 s")]
    [InlineData(1_500, "1.500 s")]
    [InlineData(90_000, "90.000 s")]
    public void RealSeconds_Span_SecondsWithMilliseconds(long milliseconds, string expected)
    {
        Assert.Equal(expected, TimeFormat.RealSeconds(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void Elapsed_TimelineRow_WrittenAsTheRowShowsIt()
    {
        var timeline = new Timeline(new VirtualClock());
        timeline.Mark("here");

        Assert.StartsWith("  " + TimeFormat.Elapsed(timeline.Events[0].Time) + "  ", timeline.Render().ReplaceLineEndings("\n").Split('\n')[1], StringComparison.Ordinal);
    }
}
