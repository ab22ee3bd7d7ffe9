using System.Diagnostics;
using System.Linq.Expressions;

#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <content>Streaming: a consumer writes each item before it asks its source for the next one.</content>
public sealed partial class TimelineAssertions
{
    /// <summary>Asserts that a consumer streamed <paramref name="source"/>: after each item, a write lands before the next <c>MoveNextAsync</c> of that source.</summary>
    /// <param name="source">The name of the probe the consumer read.</param>
    /// <param name="write">Which events are writes; by default every mark (<c>timeline.Mark("wrote 1")</c> in the fake sink).</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The assertions, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    /// <remarks>A consumer that buffers (<c>ToListAsync</c>, or a list it fills before writing) fails, naming the first item it did not write in time.</remarks>
    /// <example><code>timeline.Should().HaveStreamed("rows");</code></example>
    [StackTraceHidden]
    public AndConstraint<TimelineAssertions> HaveStreamed(string source, Expression<Func<TimelineEvent, bool>>? write = null, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(source);
        var isWrite = write?.Compile() ?? (e => e.Kind == TimelineEventKind.Mark);
        var events = Subject.Events;
        var expectation = $"show \"{source}\" streamed, a write after each item before the next MoveNextAsync";
        var item = 0;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Kind != TimelineEventKind.Yielded || events[i].Source != source)
            {
                continue;
            }

            var next = NextMoveNext(events, i);
            var written = -1;
            for (var j = i + 1; j < (next < 0 ? events.Count : next) && written < 0; j++)
            {
                written = isWrite(events[j]) ? j : -1;
            }

            if (next >= 0 && written < 0)
            {
                var late = Enumerable.Range(next, events.Count - next).FirstOrDefault(j => isWrite(events[j]), -1);
                var firstWrite = late < 0 ? "nothing was written at all" : $"the first write after it came only with {Failure.Event(events, late)}";
                var notes = new Dictionary<int, string> { [i] = $"item [{item}]" };
                return Check(
                    expectation,
                    because,
                    becauseArgs,
                    new Verdict(
                        $"after item [{item}] ({Failure.Event(events, i)}) the consumer called MoveNextAsync again before writing it; {firstWrite}. " +
                        "It buffers (ToListAsync, or a list it fills first) instead of writing each item as it comes",
                        next,
                        "MoveNextAsync again, nothing written yet",
                        null,
                        notes));
            }

            item++;
        }

        return item == 0
            ? Check(expectation, because, becauseArgs, new Verdict($"\"{source}\" yielded no item on this timeline"))
            : new AndConstraint<TimelineAssertions>(this);
    }

    /// <summary>Finds the next <c>MoveNextAsync</c> call of the enumeration that yielded event <paramref name="yielded"/>.</summary>
    private static int NextMoveNext(IReadOnlyList<TimelineEvent> events, int yielded)
    {
        var e = events[yielded];
        for (var i = yielded + 1; i < events.Count; i++)
        {
            if (events[i].Kind == TimelineEventKind.MoveNextStarted && events[i].Source == e.Source && events[i].Enumeration == e.Enumeration)
            {
                return i;
            }
        }

        return -1;
    }
}
