namespace AsyncEnumTesting.Tests.Time;

public sealed class VirtualClockReportingTests
{
    [Fact]
    public void RenderTimelines_NoTimelineMadeWithTheClock_ReturnsNull()
    {
        var clock = new VirtualClock();
        _ = new Timeline(new VirtualClock());

        Assert.Null(clock.RenderTimelines());
    }

    [Fact]
    public async Task RenderTimelines_TwoTimelines_RendersBothInCreationOrderWordForWord()
    {
        var clock = new VirtualClock();
        var first = new Timeline(clock);
        var second = new Timeline(clock);
        first.Mark("first");
        await clock.AdvanceAsync(TimeSpan.FromSeconds(1));
        second.Mark("second");

        var report = clock.RenderTimelines();

        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  mark "first"
            Timeline (virtual time):
              00:01.000  mark "second"
            """.ReplaceLineEndings(),
            report);
    }
}
