namespace AsyncEnumTesting.Tests.Reading;

public sealed class AsyncSequenceReaderExtensionsTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task OpenReader_Source_StartsEnumeratingAtOnceWithACancellableToken()
    {
        var clock = new VirtualClock();
        var started = false;

        await using var reader = Source().OpenReader(clock);

        Assert.True(started);
        Assert.Equal(
            [TimelineEventKind.GetAsyncEnumerator, TimelineEventKind.MoveNextStarted],
            reader.Timeline.Events.Select(e => e.Kind));
        Assert.Equal(true, reader.Timeline.Events[0].Value);
        Assert.Equal("source", reader.Timeline.Events[0].Source);
        Assert.Same(clock, reader.Timeline.Clock);
        await reader.AwaitCompletionAsync();

        async IAsyncEnumerable<int> Source()
        {
            started = true;
            await Task.Delay(Second, clock);
            yield break;
        }
    }

    [Fact]
    public async Task OpenReader_NoClockOnAFakeMadeWithOne_DrivesTheFakesClock()
    {
        var clock = new VirtualClock();
        var source = FakeSequence.Script<int>(clock).Wait(TimeSpan.FromHours(1)).Yield(1);

        await using var reader = source.OpenReader();

        Assert.Equal(1, await reader.AwaitItemAsync());
        await reader.AwaitCompletionAsync();
        Assert.Equal(TimeSpan.FromHours(1), clock.Elapsed);
        Assert.Same(clock, reader.Timeline.Clock);
    }

    [Fact]
    public async Task OpenReader_NoClock_RecordsOnRealTime()
    {
        await using var reader = AsyncEnumerable.Empty<int>().OpenReader();

        await reader.AwaitCompletionAsync();

        Assert.Same(TimeProvider.System, reader.Timeline.Clock);
    }

    [Fact]
    public async Task OpenReader_ProbeOnReaderTimeline_RecordsThroughThatProbeOnly()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var probe = Sources.Timed(clock, Second, [1]).Probe(timeline, "orders");

        await using (var reader = probe.OpenReader(clock))
        {
            Assert.Same(timeline, reader.Timeline);
            await reader.AwaitItemAsync();
            await reader.AwaitCompletionAsync();
        }

        Assert.All(timeline.Events, e => Assert.Equal("orders", e.Source));
        Assert.Single(probe.Enumerations);
        Assert.Empty(probe.UndisposedEnumerations);
        Assert.Empty(probe.Violations);
    }

    [Fact]
    public async Task OpenReader_ProbeOnOtherTimeline_WrapsItAgain()
    {
        var clock = new VirtualClock();
        var probe = Sources.Timed(clock, Second, []).Probe(new Timeline(clock), "orders");
        var mine = new Timeline(clock);

        await using var reader = probe.OpenReader(clock, new() { Timeline = mine, Name = "reader" });
        await reader.AwaitCompletionAsync();

        Assert.All(mine.Events, e => Assert.Equal("reader", e.Source));
        Assert.Single(probe.Enumerations);
    }

    [Fact]
    public void OpenReader_InvalidArguments_Throw()
    {
        var source = AsyncEnumerable.Empty<int>();

        Assert.Throws<ArgumentNullException>(() => ((IAsyncEnumerable<int>)null!).OpenReader());
        Assert.Throws<ArgumentOutOfRangeException>(() => source.OpenReader(options: new() { RealTimeLimit = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.OpenReader(options: new() { VirtualTimeLimit = TimeSpan.FromSeconds(-1) }));
        Assert.Throws<ArgumentException>(() => source.OpenReader(options: new() { Name = " " }));
    }
}
