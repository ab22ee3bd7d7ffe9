namespace AsyncEnumTesting.Tests.Probes;

public sealed class ProbeExtensionsTests
{
    [Fact]
    public void Probe_NoTimeline_MakesItsOwnRealTimeTimeline()
    {
        var probe = TestSources.Sync(1).Probe();

        Assert.Same(TimeProvider.System, probe.Timeline.Clock);
        Assert.Equal("source", probe.Name);
        Assert.True(probe.ThrowOnMisuse);
    }

    [Fact]
    public void Probe_NoNames_NumberedPerTimelineInCreationOrder()
    {
        var timeline = new Timeline();
        var other = new Timeline();

        var names = Enumerable.Range(0, 3).Select(_ => TestSources.Sync(1).Probe(timeline).Name).ToList();

        Assert.Equal(["source", "source2", "source3"], names);
        Assert.Equal("source", TestSources.Sync(1).Probe(other).Name);
    }

    [Fact]
    public void Probe_DefaultNameTakenExplicitly_SkipsIt()
    {
        var timeline = new Timeline();
        TestSources.Sync(1).Probe(timeline, "source");

        var probe = TestSources.Sync(1).Probe(timeline);

        Assert.Equal("source2", probe.Name);
    }

    [Fact]
    public void Probe_NameTakenOnTimeline_Throws()
    {
        var timeline = new Timeline();
        TestSources.Sync(1).Probe(timeline, "orders");

        var ex = Assert.Throws<ArgumentException>(() => TestSources.Sync(1).Probe(timeline, "orders"));

        Assert.Equal(
            "Another probe on this timeline is already named \"orders\". Give each probe its own name so its events can be told apart. (Parameter 'name')",
            ex.Message);
    }

    [Fact]
    public void Probe_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ((IAsyncEnumerable<int>)null!).Probe());
        Assert.Throws<ArgumentException>(() => TestSources.Sync(1).Probe(name: " "));
    }

    [Fact]
    public void Probe_BeforeEnumeration_RecordsNothing()
    {
        var timeline = new Timeline();

        var probe = TestSources.Sync(1).Probe(timeline);

        Assert.Empty(timeline.Events);
        Assert.Empty(probe.Enumerations);
        Assert.Empty(probe.Items);
    }
}
