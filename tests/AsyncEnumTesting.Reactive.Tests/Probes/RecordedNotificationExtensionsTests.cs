using System.Runtime.CompilerServices;
using AsyncEnumTesting.Reactive;
using Microsoft.Reactive.Testing;
using static Microsoft.Reactive.Testing.ReactiveTest;

namespace AsyncEnumTesting.Reactive.Tests.Probes;

public sealed class RecordedNotificationExtensionsTests
{
    [Fact]
    public async Task ToRecordedNotifications_ProbeOfCompletedStream_OnNextAndOnCompletedAtVirtualTicks()
    {
        var prices = await VirtualTime.RunAsync(async clock =>
        {
            var probe = Prices(clock).Probe(new Timeline(clock), "prices");
            await probe.ToListAsync();
            return probe;
        });

        prices.ToRecordedNotifications().AssertEqual(OnNext(Ms(100), 1), OnNext(Ms(300), 2), OnCompleted<int>(Ms(400)));
    }

    [Fact]
    public async Task ToRecordedNotifications_ProbeOfFailingStream_OnErrorWithSameException()
    {
        var boom = new TimeoutException("feed too slow");

        var probe = await VirtualTime.RunAsync(async clock =>
        {
            var feed = Failing(clock, boom).Probe(new Timeline(clock), "feed");
            await Assert.ThrowsAsync<TimeoutException>(async () => await feed.ToListAsync());
            return feed;
        });

        probe.ToRecordedNotifications().AssertEqual(OnNext(Ms(100), "a"), OnError<string>(Ms(200), boom));
    }

    [Fact]
    public async Task ToRecordedNotifications_SecondEnumeration_CountsFromTheSameClock()
    {
        var probe = await VirtualTime.RunAsync(async clock =>
        {
            var prices = Prices(clock).Probe(new Timeline(clock), "prices");
            await prices.ToListAsync();
            await prices.Take(1).ToListAsync();
            return prices;
        });

        probe.ToRecordedNotifications(enumeration: 2).AssertEqual(OnNext(Ms(500), 1));
    }

    [Fact]
    public void ToRecordedNotifications_ProbeNeverEnumerated_ThrowsSayingSo()
    {
        var probe = Prices(new VirtualClock()).Probe(new Timeline(new VirtualClock()), "prices");

        var ex = Assert.Throws<ArgumentException>(() => probe.ToRecordedNotifications());

        Assert.Equal(
            "Probe \"prices\" has no enumeration #1: it was enumerated 0 time(s). Read the recorded notifications after the code under test " +
            "called GetAsyncEnumerator. (Parameter 'enumeration')",
            ex.Message);
    }

    [Fact]
    public async Task ToRecordedNotifications_TimelineBySourceName_SameAsProbe()
    {
        var timeline = await VirtualTime.RunAsync(async clock =>
        {
            var shared = new Timeline(clock);
            var prices = Prices(clock).Probe(shared, "prices");
            shared.Mark("start");
            await prices.ToListAsync();
            return shared;
        });

        timeline.ToRecordedNotifications<int>("prices").AssertEqual(OnNext(Ms(100), 1), OnNext(Ms(300), 2), OnCompleted<int>(Ms(400)));
    }

    [Fact]
    public async Task ToRecordedNotifications_NullItemOfReferenceType_OnNextNull()
    {
        var timeline = new Timeline(new VirtualClock());
        await Nulls().Probe(timeline, "names").ToListAsync();

        var recorded = timeline.ToRecordedNotifications<string?>("names");

        recorded.AssertEqual(OnNext<string?>(0, (string?)null), OnCompleted<string?>(0));
    }

    [Fact]
    public async Task ToRecordedNotifications_UnknownSource_ThrowsNamingTheSourcesPresent()
    {
        var timeline = new Timeline(new VirtualClock());
        var orders = Nulls().Probe(timeline, "orders");
        await orders.ToListAsync();
        await orders.ToListAsync();
        timeline.Mark("db write");

        var ex = Assert.Throws<ArgumentException>(() => timeline.ToRecordedNotifications<int>("order"));

        Assert.Equal(
            "The timeline holds no event of source \"order\" #1. It holds \"orders\" #1, \"orders\" #2. " +
            "Pass the name given to the probe or fake, and an enumeration that happened. (Parameter 'source')",
            ex.Message);
    }

    [Fact]
    public async Task ToRecordedNotifications_ItemOfOtherType_ThrowsNamingItAndType()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var orders = Failing(clock, new InvalidOperationException("unused")).Probe(timeline, "orders");
        await using (var e = orders.GetAsyncEnumerator())
        {
            var first = e.MoveNextAsync();
            await clock.AdvanceAsync(TimeSpan.FromMilliseconds(100));
            Assert.True(await first);
        }

        var ex = Assert.Throws<InvalidCastException>(() => timeline.ToRecordedNotifications<int>("orders"));

        Assert.Equal(
            "Source \"orders\" #1 yielded a (String) at 00:00.100, which is not a Int32. Call ToRecordedNotifications with the source's item type.",
            ex.Message);
    }

    [Fact]
    public void ToRecordedNotifications_NullArguments_Throw()
    {
        Assert.Equal("timeline", Assert.Throws<ArgumentNullException>(() => RecordedNotificationExtensions.ToRecordedNotifications<int>(null!, "x")).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentNullException>(() => new Timeline().ToRecordedNotifications<int>(null!)).ParamName);
        Assert.Equal("probe", Assert.Throws<ArgumentNullException>(() => RecordedNotificationExtensions.ToRecordedNotifications<int>(null!)).ParamName);
    }

    private static async IAsyncEnumerable<int> Prices(VirtualClock clock)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(100), clock);
        yield return 1;
        await Task.Delay(TimeSpan.FromMilliseconds(200), clock);
        yield return 2;
        await Task.Delay(TimeSpan.FromMilliseconds(100), clock);
    }

    private static async IAsyncEnumerable<string> Failing(VirtualClock clock, Exception error, [EnumeratorCancellation] CancellationToken token = default)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(100), clock, token);
        yield return "a";
        await Task.Delay(TimeSpan.FromMilliseconds(100), clock, token);
        throw error;
    }

    private static async IAsyncEnumerable<string?> Nulls()
    {
        await Task.CompletedTask;
        yield return null;
    }

    private static long Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds).Ticks;
}
