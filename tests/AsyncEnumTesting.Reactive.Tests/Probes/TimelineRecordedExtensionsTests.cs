using AsyncEnumTesting.Reactive;
using Microsoft.Reactive.Testing;
using static Microsoft.Reactive.Testing.ReactiveTest;

namespace AsyncEnumTesting.Reactive.Tests.Probes;

public sealed class TimelineRecordedExtensionsTests
{
    [Fact]
    public async Task ToRecordedNotifications_ItemsAndCompletion_MapToOnNextAndOnCompletedAtVirtualTicks()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        TimelineWriter.Append(timeline, "prices", 1, TimelineEventKind.GetAsyncEnumerator);
        TimelineWriter.Append(timeline, "prices", 1, TimelineEventKind.MoveNextStarted);
        await clock.AdvanceAsync(TimeSpan.FromTicks(210));
        TimelineWriter.Append(timeline, "prices", 1, TimelineEventKind.Yielded, 7);
        timeline.Mark("checkpoint");
        await clock.AdvanceAsync(TimeSpan.FromTicks(90));
        TimelineWriter.Append(timeline, "prices", 1, TimelineEventKind.Completed);
        TimelineWriter.Append(timeline, "prices", 1, TimelineEventKind.Disposed);

        var recorded = timeline.ToRecordedNotifications<int>("prices");

        recorded.AssertEqual(OnNext(210, 7), OnCompleted<int>(300));
    }

    [Fact]
    public void ToRecordedNotifications_Fault_MapsToOnErrorWithSameException()
    {
        var timeline = new Timeline(new VirtualClock());
        var boom = new TimeoutException("slow");
        TimelineWriter.Append(timeline, "feed", 1, TimelineEventKind.Faulted, boom);

        var recorded = timeline.ToRecordedNotifications<string>("feed");

        recorded.AssertEqual(OnError<string>(0, boom));
    }

    [Fact]
    public void ToRecordedNotifications_SecondEnumeration_LeavesFirstOut()
    {
        var timeline = new Timeline(new VirtualClock());
        TimelineWriter.Append(timeline, "feed", 1, TimelineEventKind.Yielded, "first");
        TimelineWriter.Append(timeline, "feed", 2, TimelineEventKind.Yielded, "second");

        var recorded = timeline.ToRecordedNotifications<string>("feed", enumeration: 2);

        recorded.AssertEqual(OnNext(0, "second"));
    }

    [Fact]
    public void ToRecordedNotifications_NullItemOfReferenceType_MapsToOnNextNull()
    {
        var timeline = new Timeline(new VirtualClock());
        TimelineWriter.Append(timeline, "feed", 1, TimelineEventKind.Yielded);

        var recorded = timeline.ToRecordedNotifications<string?>("feed");

        recorded.AssertEqual(OnNext<string?>(0, (string?)null));
    }

    [Fact]
    public void ToRecordedNotifications_UnknownSource_ThrowsNamingTheSourcesPresent()
    {
        var timeline = new Timeline(new VirtualClock());
        TimelineWriter.Append(timeline, "orders", 1, TimelineEventKind.GetAsyncEnumerator);
        TimelineWriter.Append(timeline, "orders", 2, TimelineEventKind.GetAsyncEnumerator);
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
        await clock.AdvanceAsync(TimeSpan.FromSeconds(2));
        TimelineWriter.Append(timeline, "orders", 1, TimelineEventKind.Yielded, "A-17");

        var ex = Assert.Throws<InvalidCastException>(() => timeline.ToRecordedNotifications<int>("orders"));

        Assert.Equal(
            "Source \"orders\" #1 yielded A-17 (String) at 00:02.000, which is not a Int32. Call ToRecordedNotifications with the source's item type.",
            ex.Message);
    }

    [Fact]
    public void ToRecordedNotifications_NullTimeline_Throws()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => TimelineRecordedExtensions.ToRecordedNotifications<int>(null!, "x"));

        Assert.Equal("timeline", ex.ParamName);
    }
}
