namespace AsyncEnumTesting.Tests.Fakes;

public sealed class PerEnumerationTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task PerEnumeration_RetryAfterTwoTransientFaults_ThirdEnumerationReadsTheItems()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var pages = FakeSequence.PerEnumeration(
            FakeSequence.Script<int>(clock, "try 1", timeline).Wait(Second).Fail(new IOException("reset")),
            FakeSequence.Script<int>(clock, "try 2", timeline).Wait(Second).Fail(new IOException("reset")),
            FakeSequence.Script<int>(clock, "try 3", timeline).Yield(1, 2));

        var read = await VirtualTime.RunAsync(clock, _ => ReadWithRetryAsync(pages, attempts: 3));

        Assert.Equal([1, 2], read);
        Assert.Equal(TimeSpan.FromSeconds(2), clock.Elapsed);
        Assert.Equal(
            ["try 1", "try 2", "try 3"],
            timeline.Events.Where(e => e.Kind == TimelineEventKind.GetAsyncEnumerator).Select(e => e.Source));
    }

    [Fact]
    public async Task PerEnumeration_MoreEnumerationsThanSequences_TheLastServesTheRest()
    {
        var source = FakeSequence.PerEnumeration(FakeSequence.Script<int>().Yield(1), FakeSequence.Script<int>().Yield(2));

        Assert.Equal([1], await source.ToListAsync());
        Assert.Equal([2], await source.ToListAsync());
        Assert.Equal([2], await source.ToListAsync());
    }

    [Fact]
    public async Task OpenReader_NoClockOnPerEnumerationOfClockedFakes_DrivesTheirClock()
    {
        var clock = new VirtualClock();
        var source = FakeSequence.PerEnumeration(FakeSequence.Script<int>(clock).Wait(TimeSpan.FromHours(1)).Yield(7));

        await using var reader = source.OpenReader();

        Assert.Equal(7, await reader.AwaitItemAsync());
        await reader.AwaitCompletionAsync();
        Assert.Same(clock, FakeSequence.ClockOf(source));
    }

    [Fact]
    public void OpenReader_OtherClockThanThePerEnumerationFakes_ThrowsNamingTheFake()
    {
        var source = FakeSequence.PerEnumeration(FakeSequence.Script<int>(new VirtualClock(), "feed").Yield(1));

        var ex = Assert.Throws<ArgumentException>(() => source.OpenReader(new VirtualClock()));

        Assert.StartsWith("The source runs on another VirtualClock: scripted sequence \"feed\" waits on the clock it was created with (", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PerEnumeration_NullSequenceAmongThen_ThrowsSayingWhich()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => FakeSequence.PerEnumeration(FakeSequence.Script<int>(), FakeSequence.Script<int>(), null!));

        Assert.Equal("Sequence 3 (then[1]) is null: give every enumeration a sequence to read. (Parameter 'then')", ex.Message);
    }

    /// <summary>A consumer under test: enumerates the source again after an IOException, up to <paramref name="attempts"/> times.</summary>
    private static async Task<List<int>> ReadWithRetryAsync(IAsyncEnumerable<int> source, int attempts)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await source.ToListAsync();
            }
            catch (IOException) when (attempt < attempts)
            {
            }
        }
    }
}
