namespace AsyncEnumTesting.FluentAssertions.Tests.Probes;

public sealed class TimelineStreamingTests
{
    [Fact]
    public async Task HaveStreamed_WriteAfterEachItem_Passes()
    {
        var (clock, timeline, rows) = Arrange();
        await VirtualTime.RunAsync(clock, async _ =>
        {
            await foreach (var row in rows)
            {
                timeline.Mark($"wrote {row}");
            }
        });

        timeline.Should().HaveStreamed("rows");
    }

    [Fact]
    public async Task HaveStreamed_CustomWrite_IgnoresOtherMarks()
    {
        var (clock, timeline, rows) = Arrange();
        await VirtualTime.RunAsync(clock, async _ =>
        {
            await foreach (var row in rows)
            {
                timeline.Mark("log");
            }
        });

        var ex = Assert.Throws<Xunit.Sdk.XunitException>(() => timeline.Should().HaveStreamed("rows", e => e.Kind == TimelineEventKind.Mark && Equals(e.Value, "sent")));

        Assert.StartsWith(
            "Expected timeline to show \"rows\" streamed, a write after each item before the next MoveNextAsync, but after item [0] (#1 MoveNextAsync -> 1 at 00:00.100) " +
            "the consumer called MoveNextAsync again before writing it; nothing was written at all.",
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void HaveStreamed_UnknownSource_FailsSayingNoItem()
    {
        var timeline = new Timeline(new VirtualClock());

        var ex = Assert.Throws<Xunit.Sdk.XunitException>(() => timeline.Should().HaveStreamed("rows"));

        Assert.Equal(
            "Expected timeline to show \"rows\" streamed, a write after each item before the next MoveNextAsync, but \"rows\" yielded no item on this timeline." +
            Environment.NewLine + "Timeline (virtual time): no events",
            ex.Message);
    }

    private static (VirtualClock Clock, Timeline Timeline, Probe<int> Rows) Arrange()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var step = TimeSpan.FromMilliseconds(100);
        var rows = FakeSequence.Script<int>(clock).Wait(step).Yield(1).Wait(step).Yield(2).Complete().Probe(timeline, "rows");
        return (clock, timeline, rows);
    }
}
