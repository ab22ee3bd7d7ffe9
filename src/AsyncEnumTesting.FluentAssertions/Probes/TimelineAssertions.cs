using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;

#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <summary>Asserts what a <see cref="Timeline"/> recorded across probes, fakes and marks: order, whole logs, marbles.</summary>
/// <remarks>Synchronous: these read the record and never enumerate. A failure prints the timeline.</remarks>
[DebuggerNonUserCode]
[StackTraceHidden]
public sealed partial class TimelineAssertions : ReferenceTypeAssertions<Timeline, TimelineAssertions>
{
    private readonly string _subject;

    internal TimelineAssertions(Timeline timeline, string subject)
#if AWESOME
        : base(timeline, AssertionChain.GetOrCreate())
#else
        : base(timeline)
#endif
    {
        _subject = subject;
    }

    /// <inheritdoc />
    protected override string Identifier => "timeline";

    /// <summary>Asserts that events matching <paramref name="events"/> happened in this order, other events allowed in between.</summary>
    /// <param name="events">One condition per event, in the expected order, for example <c>e =&gt; e.Kind == TimelineEventKind.Disposed</c>.</param>
    /// <returns>The assertions, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="events"/> is empty or holds a <see langword="null"/> condition.</exception>
    [StackTraceHidden]
    public AndConstraint<TimelineAssertions> HaveInOrder(params Expression<Func<TimelineEvent, bool>>[] events) => HaveInOrder(events, string.Empty);

    /// <summary>Asserts that events matching <paramref name="events"/> happened in this order, other events allowed in between.</summary>
    /// <param name="events">One condition per event, in the expected order.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The assertions, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="events"/> is empty or holds a <see langword="null"/> condition.</exception>
    [StackTraceHidden]
    public AndConstraint<TimelineAssertions> HaveInOrder(IReadOnlyList<Expression<Func<TimelineEvent, bool>>> events, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            // With no condition the assertion held for every timeline: a test that forgot its conditions passed (a user trial).
            throw new ArgumentException("HaveInOrder needs at least one condition, one per expected event in order: with none it would check nothing.", nameof(events));
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is null)
            {
                throw new ArgumentException($"Condition [{i}] is null: give one condition per expected event.", nameof(events));
            }
        }

        var recorded = Subject.Events;
        var matched = new Dictionary<int, string>();
        var at = -1;
        Verdict? verdict = null;
        for (var i = 0; i < events.Count; i++)
        {
            var match = events[i].Compile();
            var next = IndexFrom(recorded, match, at + 1);
            if (next < 0)
            {
                verdict = OutOfOrder(recorded, i, at, IndexFrom(recorded, match, 0), matched);
                break;
            }

            matched[next] = $"[{i}] matched here";
            at = next;
        }

        return Check($"have {events.Count} events in order", because, becauseArgs, verdict);
    }

    /// <summary>Asserts that the timeline holds exactly <paramref name="expected"/> (time, source, enumeration, kind and value of each event).</summary>
    /// <param name="expected">The whole expected log, for example built with <see cref="ExpectedTimeline"/>.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The assertions, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="expected"/> is <see langword="null"/>.</exception>
    /// <remarks>The failure shows expected and actual events side by side, aligned by index, with the first difference marked.</remarks>
    [StackTraceHidden]
    public AndConstraint<TimelineAssertions> Equal(IEnumerable<TimelineEvent> expected, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var wanted = expected.ToList();
        var actual = Subject.Events;
        var first = 0;
        while (first < wanted.Count && first < actual.Count && Same(wanted[first], actual[first]))
        {
            first++;
        }

        Verdict? verdict = null;
        if (first < wanted.Count || first < actual.Count)
        {
            var what = first >= actual.Count ? $"event [{first}] never happened" : first >= wanted.Count ? $"there is an extra event [{first}]" : $"event [{first}] differs";
            verdict = new Verdict(what + ":" + Environment.NewLine + SideBySide(wanted, actual, first), first < actual.Count ? first : -1, "first difference");
        }

        return Check($"equal the expected {wanted.Count} events", because, becauseArgs, verdict);
    }

    /// <summary>Asserts that the timeline, drawn as marbles (one line per source and enumeration), is <paramref name="marbles"/>.</summary>
    /// <param name="marbles">The expected lines as <see cref="Timeline.RenderMarbles"/> draws them, for example <c>"orders#1  -a-b|"</c>, joined by <c>\n</c>.</param>
    /// <param name="frame">The virtual time one character stands for.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The assertions, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="marbles"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frame"/> is not positive.</exception>
    [StackTraceHidden]
    public AndConstraint<TimelineAssertions> MatchMarbles(string marbles, TimeSpan frame, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(marbles);
        var actual = Subject.RenderMarbles(frame);
        var difference = Marbles.Compare(marbles.ReplaceLineEndings("\n"), actual, null);
        return Check("match the marbles", because, becauseArgs, difference is null ? null : new Verdict(difference));
    }

    private static int IndexFrom(IReadOnlyList<TimelineEvent> events, Func<TimelineEvent, bool> match, int start)
    {
        for (var i = start; i < events.Count; i++)
        {
            if (match(events[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Says which events the conditions matched and where condition [<paramref name="failed"/>] went wrong, marking each on the timeline.</summary>
    private static Verdict OutOfOrder(IReadOnlyList<TimelineEvent> recorded, int failed, int previous, int anywhere, Dictionary<int, string> matched)
    {
        var after = previous < 0 ? string.Empty : $" after the event condition [{failed - 1}] matched ({Failure.Event(recorded, previous)})";
        if (anywhere < 0)
        {
            return new Verdict(
                $"no event matched condition [{failed}]{(previous < 0 ? " at all" : after + ", nor anywhere else")}",
                previous,
                previous < 0 ? null : matched[previous],
                null,
                matched);
        }

        matched[anywhere] = $"[{failed}] matched here, before [{failed - 1}]";
        return new Verdict(
            $"condition [{failed}] matched only {Failure.Event(recorded, anywhere)}, which came before the event condition [{failed - 1}] matched " +
            $"({Failure.Event(recorded, previous)}): these happened in the other order",
            anywhere,
            matched[anywhere],
            null,
            matched);
    }

    /// <summary>Compares two events field by field, a collection value (a batch) element by element.</summary>
    private static bool Same(TimelineEvent x, TimelineEvent y) =>
        x.Time == y.Time && x.Enumeration == y.Enumeration && x.Kind == y.Kind && string.Equals(x.Source, y.Source, StringComparison.Ordinal) &&
        ItemEquality<object?>.Default.Equals(x.Value, y.Value);

    /// <summary>Shows expected and actual events in two aligned columns around the first difference.</summary>
    private static string SideBySide(List<TimelineEvent> expected, IReadOnlyList<TimelineEvent> actual, int first)
    {
        var from = Math.Max(0, first - 3);
        var to = Math.Min(Math.Max(expected.Count, actual.Count), first + 4);
        var left = Enumerable.Range(from, to - from).Select(i => i < expected.Count ? Row(expected[i]) : "(none)").ToList();
        var width = Math.Max("expected".Length, left.Max(l => l.Length));
        var text = new StringBuilder("       " + "expected".PadRight(width) + "  actual");
        for (var i = from; i < to; i++)
        {
            text.Append(Environment.NewLine)
                .Append(string.Create(CultureInfo.InvariantCulture, $"  [{i}]").PadRight(7))
                .Append(left[i - from].PadRight(width)).Append("  ").Append(i < actual.Count ? Row(actual[i]) : "(none)");
            if (i == first)
            {
                text.Append("      <- first difference");
            }
        }

        return text.ToString();
    }

    private static string Row(TimelineEvent e) =>
        $"{TimeFormat.Elapsed(e.Time)} {e.Source}#{e.Enumeration} {e.Kind}" + (e.Value is null ? string.Empty : " " + Failure.Show(e.Value));

    private AndConstraint<TimelineAssertions> Check(string expectation, string because, object[] becauseArgs, Verdict? verdict)
    {
        if (verdict is not null)
        {
            using var scope = Flavor.NameSubject(_subject);
            Failure.Fail(expectation, verdict, Subject, because, becauseArgs);
        }

        return new AndConstraint<TimelineAssertions>(this);
    }
}
