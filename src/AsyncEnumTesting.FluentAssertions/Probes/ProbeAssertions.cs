using System.Diagnostics;

#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <summary>Asserts what a <see cref="Probe{T}"/> already recorded: disposal, enumerations, tokens, protocol, timing.</summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>
/// These assertions are synchronous: they read the probe's record and never enumerate. Run the code under test first.
/// A failure prints the probe's timeline with the event in question marked.
/// </remarks>
[DebuggerNonUserCode]
[StackTraceHidden]
public sealed partial class ProbeAssertions<T> : ReferenceTypeAssertions<Probe<T>, ProbeAssertions<T>>
{
    private readonly string _subject;

    internal ProbeAssertions(Probe<T> probe, string subject)
#if AWESOME
        : base(probe, AssertionChain.GetOrCreate())
#else
        : base(probe)
#endif
    {
        _subject = subject;
    }

    /// <summary>Gets assertions that enumerate the probe (awaitable), recording on its timeline.</summary>
    /// <remarks>Each one enumerates the probe once more; its clock, if virtual, is driven while they wait.</remarks>
    public AsyncEnumerableAssertions<T> Enumerating => new(Subject, _subject, new Pacing(Subject.Timeline.Clock as VirtualClock, null));

    /// <inheritdoc />
    protected override string Identifier => "probe";

    /// <summary>Asserts that every enumeration of the probe was disposed.</summary>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The assertions, for chaining.</returns>
    [StackTraceHidden]
    public AndConstraint<ProbeAssertions<T>> BeDisposed(string because = "", params object[] becauseArgs)
    {
        var enumerations = Subject.Enumerations;
        var open = enumerations.FirstOrDefault(e => !e.IsDisposed);
        return Check("be disposed", because, becauseArgs, enumerations.Count == 0
            ? new Verdict("it was never enumerated")
            : open is null ? null : Undisposed(open));
    }

    /// <summary>Asserts that the probe was enumerated once, and that the consumer disposed it after exactly <paramref name="items"/> items.</summary>
    /// <param name="items">How many items the consumer took before it disposed the enumerator.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The assertions, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="items"/> is negative.</exception>
    [StackTraceHidden]
    public AndConstraint<ProbeAssertions<T>> BeDisposedAfter(int items, string because = "", params object[] becauseArgs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(items);
        var enumerations = Subject.Enumerations;
        Verdict? verdict = null;
        if (enumerations.Count != 1)
        {
            verdict = Enumerated(enumerations.Count, 1);
        }
        else if (!enumerations[0].IsDisposed)
        {
            verdict = Undisposed(enumerations[0]);
        }
        else if (enumerations[0].Items.Count != items)
        {
            verdict = new Verdict($"it was disposed after {MessageFormat.Items(enumerations[0].Items.Count)}", Index(1, TimelineEventKind.Disposed), $"expected after {MessageFormat.Items(items)}");
        }

        return Check($"be disposed after {MessageFormat.Items(items)}", because, becauseArgs, verdict);
    }

    /// <summary>Asserts that the probe was enumerated exactly once (one <c>GetAsyncEnumerator</c>).</summary>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The assertions, for chaining.</returns>
    [StackTraceHidden]
    public AndConstraint<ProbeAssertions<T>> BeEnumeratedOnce(string because = "", params object[] becauseArgs) => BeEnumerated(1, because, becauseArgs);

    /// <summary>Asserts that the probe was enumerated exactly <paramref name="times"/> times.</summary>
    /// <param name="times">How many calls to <c>GetAsyncEnumerator</c> are expected.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The assertions, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="times"/> is negative.</exception>
    [StackTraceHidden]
    public AndConstraint<ProbeAssertions<T>> BeEnumerated(int times, string because = "", params object[] becauseArgs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        var count = Subject.Enumerations.Count;
        return Check(times == 1 ? "be enumerated once" : $"be enumerated {times} times", because, becauseArgs, count == times ? null : Enumerated(count, times));
    }

    /// <summary>Asserts that every enumeration received a token that can be cancelled, so the consumer's cancellation reaches the producer.</summary>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The assertions, for chaining.</returns>
    [StackTraceHidden]
    public AndConstraint<ProbeAssertions<T>> HaveReceivedCancellableToken(string because = "", params object[] becauseArgs)
    {
        var enumerations = Subject.Enumerations;
        var deaf = enumerations.FirstOrDefault(e => !e.TokenCanBeCanceled);
        return Check("receive a cancellable token", because, becauseArgs, enumerations.Count == 0
            ? new Verdict("it was never enumerated")
            : deaf is null ? null : new Verdict(
                $"enumeration #{deaf.Number} got a token that cannot be cancelled: pass the consumer's token (WithCancellation(ct), or [EnumeratorCancellation] in an iterator that wraps it)",
                Index(deaf.Number, TimelineEventKind.GetAsyncEnumerator),
                "no cancellable token"));
    }

    /// <summary>Asserts that nobody broke the async enumerator protocol (overlapping <c>MoveNextAsync</c>, use after dispose, double dispose).</summary>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The assertions, for chaining.</returns>
    [StackTraceHidden]
    public AndConstraint<ProbeAssertions<T>> HaveNoProtocolViolations(string because = "", params object[] becauseArgs)
    {
        var violations = Subject.Violations;
        var first = violations.FirstOrDefault();
        return Check("be used without protocol violations", because, becauseArgs, first is null ? null : new Verdict(
            $"{(violations.Count == 1 ? "1 violation was" : $"{violations.Count} violations were")} recorded, the first in enumeration #{first.Enumeration} at {TimeFormat.Elapsed(first.Time)}: {first.Message}",
            Index(first.Enumeration, TimelineEventKind.Violation),
            first.Kind.ToString()));
    }

    /// <summary>Asserts that <paramref name="item"/> was yielded at virtual time <paramref name="at"/> (in any enumeration).</summary>
    /// <param name="item">The item.</param>
    /// <param name="at">The time since the clock's start at which it should have come.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The assertions, for chaining.</returns>
    [StackTraceHidden]
    public AndConstraint<ProbeAssertions<T>> HaveYieldedAt(T item, TimeSpan at, string because = "", params object[] becauseArgs)
    {
        var events = Subject.Timeline.Events;
        var mine = Enumerable.Range(0, events.Count)
            .Where(i => events[i].Kind == TimelineEventKind.Yielded && events[i].Source == Subject.Name && ItemEquality<object?>.Default.Equals(events[i].Value, item))
            .ToList();
        Verdict? verdict = null;
        if (mine.Count == 0)
        {
            verdict = new Verdict($"{Failure.Show(item)} was never yielded");
        }
        else if (!mine.Any(i => events[i].Time == at))
        {
            verdict = new Verdict($"it came at {TimeFormat.Elapsed(events[mine[0]].Time)}", mine[0], $"expected at {TimeFormat.Elapsed(at)}");
        }

        return Check($"yield {Failure.Show(item)} at {TimeFormat.Elapsed(at)}", because, becauseArgs, verdict);
    }

    /// <summary>Asserts that the probe's first enumeration, drawn as marbles, is <paramref name="marbles"/>.</summary>
    /// <param name="marbles">The expected diagram, for example <c>"-a-b-|"</c>: one character per <paramref name="frame"/>, <c>|</c> completion, <c>#</c> error, <c>x</c> cancellation, <c>!</c> disposal before the end, <c>(ab)</c> same frame.</param>
    /// <param name="frame">The virtual time one character stands for.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The assertions, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="marbles"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frame"/> is not positive.</exception>
    [StackTraceHidden]
    public AndConstraint<ProbeAssertions<T>> MatchMarbles(string marbles, TimeSpan frame, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(marbles);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(frame, TimeSpan.Zero);
        var actual = Marbles.Of(Subject.Timeline.Events, Subject.Name, 1, frame);
        var difference = Marbles.Compare(marbles, actual, frame);
        return Check($"match the marbles \"{marbles}\"", because, becauseArgs, difference is null ? null : new Verdict(difference));
    }

    private AndConstraint<ProbeAssertions<T>> Check(string expectation, string because, object[] becauseArgs, Verdict? verdict)
    {
        if (verdict is not null)
        {
            using var scope = Flavor.NameSubject(_subject, FakeSequence.NameOf(Subject));
            Failure.Fail(expectation, verdict, Subject.Timeline, because, becauseArgs);
        }

        return new AndConstraint<ProbeAssertions<T>>(this);
    }

    private Verdict Undisposed(ProbeEnumeration<T> open)
    {
        var stopped = open.Outcome switch
        {
            EnumerationOutcome.Completed => $"it completed after {MessageFormat.Items(open.Items.Count)}",
            EnumerationOutcome.Faulted => $"it threw after {MessageFormat.Items(open.Items.Count)}",
            EnumerationOutcome.Canceled => $"it was canceled after {MessageFormat.Items(open.Items.Count)}",
            _ => $"the consumer stopped after {MessageFormat.Items(open.Items.Count)}",
        };
        return new Verdict($"enumeration #{open.Number} was never disposed: {stopped} without DisposeAsync", LastIndex(open.Number), "no DisposeAsync after this");
    }

    private Verdict Enumerated(int count, int expected) => count == 0
        ? new Verdict("it was never enumerated")
        : new Verdict($"it was enumerated {(count == 1 ? "once" : $"{count} times")}", count > expected ? Index(expected + 1, TimelineEventKind.GetAsyncEnumerator) : -1, count > expected ? "one too many" : null);

    private int Index(int enumeration, TimelineEventKind kind) =>
        Subject.Timeline.IndexOf(e => e.Kind == kind && e.Enumeration == enumeration && e.Source == Subject.Name);

    private int LastIndex(int enumeration)
    {
        var events = Subject.Timeline.Events;
        for (var i = events.Count - 1; i >= 0; i--)
        {
            if (events[i].Enumeration == enumeration && events[i].Source == Subject.Name)
            {
                return i;
            }
        }

        return -1;
    }
}
