using AsyncEnumTesting.Tests.Probes;

namespace AsyncEnumTesting.Tests.Timelines;

public sealed class TimelineEventTests
{
    [Fact]
    public void Equals_SameFieldsAndEqualBoxedValues_AreEqual()
    {
        var a = new TimelineEvent(TimeSpan.FromSeconds(1), "s", 1, TimelineEventKind.Yielded, 42);
        var b = new TimelineEvent(TimeSpan.FromSeconds(1), "s", 1, TimelineEventKind.Yielded, 42);

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Equals_AnyFieldDiffers_NotEqual()
    {
        var a = new TimelineEvent(TimeSpan.FromSeconds(1), "s", 1, TimelineEventKind.Yielded, 42);

        Assert.NotEqual(a, a with { Time = TimeSpan.FromSeconds(2) });
        Assert.NotEqual(a, a with { Source = "t" });
        Assert.NotEqual(a, a with { Enumeration = 2 });
        Assert.NotEqual(a, a with { Kind = TimelineEventKind.Completed });
        Assert.NotEqual(a, a with { Value = 43 });
    }

    [Fact]
    public void Deconstruct_Event_GivesFields()
    {
        var (time, source, enumeration, kind, value) = new TimelineEvent(TimeSpan.FromSeconds(1), "s", 3, TimelineEventKind.Mark, "m");

        Assert.Equal((TimeSpan.FromSeconds(1), "s", 3, TimelineEventKind.Mark, (object?)"m"), (time, source, enumeration, kind, value));
    }

    [Fact]
    public async Task Value_ProbeItem_BoxedOnReadAndEqualAcrossSnapshots()
    {
        var timeline = new Timeline(new VirtualClock());
        await TestSources.Sync(7).Probe(timeline).ToListAsync();

        var first = timeline.Events[2];
        var second = timeline.Events[2];

        Assert.Equal(7, first.Value);
        Assert.Equal(first, second);
    }
}
