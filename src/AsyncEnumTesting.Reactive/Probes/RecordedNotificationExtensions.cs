using System.Reactive;
using Microsoft.Reactive.Testing;

namespace AsyncEnumTesting.Reactive;

/// <summary>Reads probes and timelines as Rx's recorded notifications, so <c>ReactiveAssert.AssertEqual</c> and <c>ReactiveTest.OnNext(...)</c> check async streams.</summary>
public static class RecordedNotificationExtensions
{
    /// <summary>Returns what one enumeration of <paramref name="probe"/> produced, as notifications at their virtual ticks.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="probe">The probe whose enumeration to read.</param>
    /// <param name="enumeration">Which enumeration (1 for the first <c>GetAsyncEnumerator</c>).</param>
    /// <returns>
    /// A new list: items as <c>OnNext</c>, completion as <c>OnCompleted</c>, a fault as <c>OnError</c>, each at its
    /// <see cref="TimelineEvent.Time"/> in ticks (the ticks of a scheduler made with
    /// <see cref="VirtualClockSchedulerExtensions.CreateTestScheduler"/>). Cancellation, disposal and other events are left out.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="probe"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The probe has no such enumeration yet.</exception>
    /// <remarks>Rx compares <c>OnError</c> notifications by exception instance: expect the very exception the source threw.</remarks>
    /// <example>
    /// <code>
    /// var prices = source.Probe(new Timeline(clock), "prices");
    /// await consumer.RunAsync(prices);
    /// prices.ToRecordedNotifications().AssertEqual(OnNext(100, 1), OnNext(300, 2), OnCompleted&lt;int&gt;(400));
    /// </code>
    /// </example>
    public static IList<Recorded<Notification<T>>> ToRecordedNotifications<T>(this Probe<T> probe, int enumeration = 1)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var events = probe.Events;
        if (!events.Any(e => e.Enumeration == enumeration))
        {
            var count = events.Select(e => e.Enumeration).Distinct().Count();
            throw new ArgumentException(
                $"Probe \"{probe.Name}\" has no enumeration #{enumeration}: it was enumerated {count} time(s). " +
                "Read the recorded notifications after the code under test called GetAsyncEnumerator.",
                nameof(enumeration));
        }

        return Record<T>(events.Where(e => e.Enumeration == enumeration));
    }

    /// <summary>Returns what one enumeration of <paramref name="source"/> produced, as notifications at their virtual ticks.</summary>
    /// <typeparam name="T">The item type of the source.</typeparam>
    /// <param name="timeline">The timeline the source's probe or fake appended to.</param>
    /// <param name="source">The name of the probe or fake, as it appears in <see cref="TimelineEvent.Source"/>.</param>
    /// <param name="enumeration">Which enumeration (1 for the first <c>GetAsyncEnumerator</c>).</param>
    /// <returns>
    /// A new list: <see cref="TimelineEventKind.Yielded"/> as <c>OnNext</c>, <see cref="TimelineEventKind.Completed"/> as
    /// <c>OnCompleted</c>, <see cref="TimelineEventKind.Faulted"/> as <c>OnError</c>, each at <see cref="TimelineEvent.Time"/> in ticks
    /// (the ticks of a scheduler made with <see cref="VirtualClockSchedulerExtensions.CreateTestScheduler"/>). Other events are left out.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeline"/> or <paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The timeline holds no event of that source and enumeration.</exception>
    /// <exception cref="InvalidCastException">An item is not a <typeparamref name="T"/>.</exception>
    /// <remarks>Rx compares <c>OnError</c> notifications by exception instance: expect the very exception the fake threw.</remarks>
    /// <example>
    /// <code>
    /// timeline.ToRecordedNotifications&lt;int&gt;("prices").AssertEqual(OnNext(100, 1), OnNext(300, 2), OnCompleted&lt;int&gt;(400));
    /// </code>
    /// </example>
    public static IList<Recorded<Notification<T>>> ToRecordedNotifications<T>(this Timeline timeline, string source, int enumeration = 1)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(source);
        var events = timeline.Events;
        var mine = events.Where(e => e.Source == source && e.Enumeration == enumeration).ToList();
        if (mine.Count == 0)
        {
            var sources = events.Where(e => e.Kind != TimelineEventKind.Mark).Select(e => $"\"{e.Source}\" #{e.Enumeration}").Distinct().ToList();
            throw new ArgumentException(
                $"The timeline holds no event of source \"{source}\" #{enumeration}. It holds " +
                (sources.Count == 0 ? "no source events at all" : string.Join(", ", sources)) +
                ". Pass the name given to the probe or fake, and an enumeration that happened.",
                nameof(source));
        }

        return Record<T>(mine);
    }

    private static List<Recorded<Notification<T>>> Record<T>(IEnumerable<TimelineEvent> events)
    {
        var recorded = new List<Recorded<Notification<T>>>();
        foreach (var e in events)
        {
            if (ToNotification<T>(e) is { } notification)
            {
                recorded.Add(new Recorded<Notification<T>>(e.Time.Ticks, notification));
            }
        }

        return recorded;
    }

    private static Notification<T>? ToNotification<T>(TimelineEvent e) => e.Kind switch
    {
        TimelineEventKind.Yielded => Notification.CreateOnNext(Item<T>(e)),
        TimelineEventKind.Completed => Notification.CreateOnCompleted<T>(),
        TimelineEventKind.Faulted when e.Value is Exception ex => Notification.CreateOnError<T>(ex),
        _ => null,
    };

    private static T Item<T>(TimelineEvent e) => e.Value switch
    {
        T item => item,
        null when default(T) is null => default!,
        _ => throw new InvalidCastException(
            $"Source \"{e.Source}\" #{e.Enumeration} yielded {e.Value ?? "null"} ({e.Value?.GetType().Name ?? "null"}) at {TimeFormat.Elapsed(e.Time)}, " +
            $"which is not a {typeof(T).Name}. Call ToRecordedNotifications with the source's item type."),
    };
}
