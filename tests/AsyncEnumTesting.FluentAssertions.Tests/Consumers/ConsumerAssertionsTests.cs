using Xunit.Sdk;

namespace AsyncEnumTesting.FluentAssertions.Tests.Consumers;

public sealed class ConsumerAssertionsTests
{
    [Fact]
    public async Task Complete_ConsumerThrows_FailsWithTheTimelineAndTheException()
    {
        var (timeline, feed) = Arrange();
        var sum = async () =>
        {
            await foreach (var n in feed)
            {
                throw new InvalidDataException($"bad row {n}");
            }
        };

        var ex = await Assert.ThrowsAsync<XunitException>(() => sum.Should(timeline).Complete());

        Assert.StartsWith(
            Lines(
                "Expected sum to complete, but it threw InvalidDataException: bad row 1.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: none",
                "  00:01.000  #1 MoveNextAsync -> 1",
                "  00:01.000  #1 DisposeAsync",
                "The consumer's exception:",
                "System.IO.InvalidDataException: bad row 1"),
            ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_ConsumerFinishes_PassesAndMovesTheClock()
    {
        var (timeline, feed) = Arrange();
        var drain = async () => await feed.ToListAsync();

        await drain.Should(timeline).Complete();

        Assert.Equal(TimeSpan.FromSeconds(2), ((VirtualClock)timeline.Clock).Elapsed);
    }

    [Fact]
    public async Task Return_DifferentResult_FailsNamingIt()
    {
        var (timeline, feed) = Arrange();
        var total = async () => await feed.SumAsync();

        var ex = await Assert.ThrowsAsync<XunitException>(() => total.Should(timeline).Return(4));

        Assert.Equal(
            Lines(
                "Expected total to return 4, but it returned 3.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: none",
                "  00:01.000  #1 MoveNextAsync -> 1",
                "  00:02.000  #1 MoveNextAsync -> 2",
                "  00:02.000  #1 MoveNextAsync -> completed",
                "  00:02.000  #1 DisposeAsync"),
            ex.Message);
    }

    [Fact]
    public async Task Return_ListResult_ComparesElementByElement()
    {
        var (timeline, feed) = Arrange();
        var all = async () => await feed.ToListAsync();

        await all.Should(timeline).Return([1, 2]);
    }

    [Fact]
    public async Task Throw_ExpectedException_ReturnsItForWithMessage()
    {
        var timeline = new Timeline(new VirtualClock());
        var fail = () => Task.FromException(new IOException("disk full"));

        await fail.Should(timeline).Throw<IOException>().WithMessage("disk *");
    }

    [Fact]
    public async Task Throw_OtherException_FailsNamingIt()
    {
        var timeline = new Timeline(new VirtualClock());
        var fail = () => Task.FromException(new ArgumentException("bad"));

        var ex = await Assert.ThrowsAsync<XunitException>(() => fail.Should(timeline).Throw<IOException>());

        Assert.StartsWith("Expected fail to throw IOException, but it threw ArgumentException: bad.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_ConsumerWaitsOnNothing_FailsWithTheRealTimeHint()
    {
        var clock = new VirtualClock { RealTimeGrace = TimeSpan.FromMilliseconds(20) };
        var timeline = new Timeline(clock);
        var never = new TaskCompletionSource();
        var stuck = () => never.Task;

        var ex = await Assert.ThrowsAsync<XunitException>(() => stuck.Should(timeline).Complete());

        Assert.Equal(
            "Expected stuck to complete, but it did not finish: nothing can happen any more in virtual time: no timer is pending on the clock at 00:00.000 " +
            "and nothing completed the wait within 0.020 s of real time: code under test may use real time (Task.Delay, Timer or PeriodicTimer without the clock), " +
            "or wait on a TaskCompletionSource, channel or lock that nothing completes." + Environment.NewLine + "Timeline (virtual time): no events",
            ex.Message);
    }

    private static (Timeline Timeline, Probe<int> Feed) Arrange()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var second = TimeSpan.FromSeconds(1);
        return (timeline, FakeSequence.Script<int>(clock).Wait(second).Yield(1).Wait(second).Yield(2).Complete().Probe(timeline, "feed"));
    }

    private static string Lines(params string[] lines) => string.Join(Environment.NewLine, lines);
}
