using System.Diagnostics;

namespace AsyncEnumTesting;

/// <summary>Reads an async sequence one step at a time, so a test can await each item, the end, or a silence.</summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>
/// <para>
/// Verbs tell the timing: <c>Await…</c> waits for the next event; <c>Expect…</c> checks a window of time. The reader
/// pulls from the source itself, one <c>MoveNextAsync</c> at a time and never overlapping, like an <c>await foreach</c>
/// whose body is always ready: it starts the next <c>MoveNextAsync</c> as soon as the test consumed the previous event.
/// An event it saw but the test has not consumed yet waits for the next call.
/// </para>
/// <para>
/// Every await is bounded: by <see cref="AsyncSequenceReaderOptions.RealTimeLimit"/> of real time and, with a clock, by
/// <see cref="AsyncSequenceReaderOptions.VirtualTimeLimit"/> of virtual time. Inside
/// <see cref="VirtualTime.RunAsync(Func{VirtualClock, Task}, VirtualTimeOptions?)"/> the run moves the clock; otherwise the
/// reader advances it one timer at a time while it waits, so a plain async test needs no <c>AdvanceAsync</c> calls. Either
/// way the virtual timeout is a timer on the clock while the reader waits. Work the source hands to the thread pool
/// (<c>Task.Run</c>, a channel's asynchronous continuations behind <c>ReadAllAsync</c>) is not waited for before the clock
/// moves on; create such channels with <c>AllowSynchronousContinuations</c> in virtual-time tests.
/// </para>
/// <para>
/// The reader records every call on its <see cref="Timeline"/> through a <see cref="Probe{T}"/> (the source itself when
/// it already is a probe on that timeline), and every failure message ends with that timeline, pointing at the event
/// that broke the expectation.
/// </para>
/// <para>
/// Strict by default: disposing the reader fails when an event it saw was not consumed, or when the sequence neither
/// finished nor was canceled (see <see cref="CancelAndIgnoreRemainingAsync"/> and
/// <see cref="AsyncSequenceReaderOptions.IgnoreRemainingEvents"/>). After a failed step, disposing only cleans up, so the
/// first failure is the one the test reports. Calls must not overlap: await each before the next.
/// </para>
/// </remarks>
[DebuggerDisplay("Reader of {_name}: {_itemCount} items")]
public sealed partial class AsyncSequenceReader<T> : IAsyncDisposable
{
    private readonly VirtualClock? _clock;
    private readonly AsyncSequenceReaderOptions _options;
    private readonly string _name;
    private readonly string _subject;
    private readonly bool _named;
    private readonly DrivenSequence<T>? _driven;
    private readonly CancellationTokenSource _cts = new();
    private readonly IAsyncEnumerator<T>? _enumerator;
    private int _itemCount;
    private int _busy;
    private bool _sourceDone;
    private bool _canceled;
    private bool _ignoreRemaining;
    private bool _failed;
    private bool _disposed;
    private ReaderEvent<T>? _end;
    private IDisposable? _open;

    internal AsyncSequenceReader(IAsyncEnumerable<T> source, VirtualClock? clock, AsyncSequenceReaderOptions options)
    {
        _clock = clock;
        _options = options;
        _ignoreRemaining = options.IgnoreRemainingEvents;

        // A probe records the whole protocol, so reader messages show the same timeline as everything else; a source that
        // already is a probe on the reader's timeline records for itself.
        var existing = source as Probe<T>;
        Timeline = options.Timeline ?? existing?.Timeline ?? new Timeline(clock);
        var given = options.Name ?? FakeSequence.NameOf(source);
        var probe = existing is not null && ReferenceEquals(existing.Timeline, Timeline)
            ? existing
            : source.Probe(Timeline, options.Name ?? (given is not null && !Timeline.HasProbeNamed(given) ? given : null));
        _name = probe.Name;

        // Messages call the sequence by the name the test gave it (the reader, a probe or a fake); "the sequence" otherwise.
        _subject = ReaderText.Subject(given);
        _named = given is not null;
        _driven = FakeSequence.Beneath(source) as DrivenSequence<T>;
        WatchTestFlow();
        if (clock is not null)
        {
            var openedAt = clock.Elapsed;
            _open = clock.Own(() => $"reader \"{_name}\" opened at {TimeFormat.Elapsed(openedAt)} ({MessageFormat.AfterItems(_itemCount)})");

            // As CreateTimer does: continuations the source posts to the test's context become work the clock waits for.
            TrackingSynchronizationContext.AdoptCurrent(clock.Tracker);
        }

        try
        {
            TestFlowWatch.RunningSource = true;
            _enumerator = probe.GetAsyncEnumerator(_cts.Token);
        }
#pragma warning disable CA1031 // A throwing GetAsyncEnumerator is an event the test awaits, not a crash of the reader.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _sourceDone = true;
            _pull = Task.FromResult(new ReaderEvent<T>(ReaderEventKind.Failed, default, ex, Timeline.Now, 0));
            return;
        }
        finally
        {
            TestFlowWatch.RunningSource = false;
        }

        StartPull();
    }

    /// <summary>Gets the timeline the reader records the sequence's events on (shared when given in the options).</summary>
    public Timeline Timeline { get; }

    /// <summary>Marks the start of a public call; calls must not overlap.</summary>
    private Scope Enter(string member)
    {
        if (_disposed)
        {
            // No object name: it would append the generic type's full name to the kit's message.
            throw new ObjectDisposedException(objectName: null, ReaderText.Disposed(member, _name));
        }

        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException(
                $"{member} was called while another call on this reader is still running. Await each reader call before the next.");
        }

        return new Scope(this);
    }

    /// <summary>Builds the failure exception and remembers that the reader failed, so disposing it only cleans up.</summary>
    /// <param name="expected">What the test expected, after "Expected ".</param>
    /// <param name="actual">What came instead, after "but ".</param>
    /// <param name="inner">The sequence's exception or the clock's diagnosis.</param>
    /// <param name="advice">What to do instead, when there is a usual fix.</param>
    /// <param name="at">The event to point at in the timeline, with its note.</param>
    [StackTraceHidden]
    private AsyncSequenceAssertionException Fail(string expected, string actual, Exception? inner = null, string? advice = null, (ReaderEvent<T> Event, string Note)? at = null)
    {
        _failed = true;
        advice ??= at is { } waited ? DrivenAdvice(waited.Event) : null;
        var render = at is { } pointer && IndexOf(pointer.Event) is { } index
            ? new TimelineRenderOptions { HighlightIndex = index, HighlightNote = pointer.Note }
            : null;
        return new AsyncSequenceAssertionException(ReaderText.Failure(expected, actual, Timeline.Render(render), advice), inner);
    }

    /// <summary>Finds the timeline index of the event the probe recorded for <paramref name="e"/>.</summary>
    private int? IndexOf(ReaderEvent<T> e)
    {
        var events = Timeline.Events;
        var yields = 0;
        int? found = null;
        for (var i = 0; i < events.Count; i++)
        {
            var recorded = events[i];
            if (recorded.Enumeration != 1 || !string.Equals(recorded.Source, _name, StringComparison.Ordinal))
            {
                continue;
            }

            switch (e.Kind, recorded.Kind)
            {
                case (ReaderEventKind.Item, TimelineEventKind.Yielded) when ++yields == e.ItemsBefore + 1:
                    return i;
                case (ReaderEventKind.Completed, TimelineEventKind.Completed):
                case (ReaderEventKind.Failed, TimelineEventKind.Faulted or TimelineEventKind.Canceled):
                    found = i;
                    break;
            }
        }

        return found;
    }

    private readonly struct Scope(AsyncSequenceReader<T> owner) : IDisposable
    {
        public void Dispose()
        {
            owner.ForgetThrown();
            Volatile.Write(ref owner._busy, 0);
        }
    }
}
