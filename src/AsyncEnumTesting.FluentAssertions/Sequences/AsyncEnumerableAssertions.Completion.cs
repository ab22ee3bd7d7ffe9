using System.Diagnostics;

#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <content>How the source ends: completion, in time, or with an exception.</content>
public sealed partial class AsyncEnumerableAssertions<T>
{
    /// <summary>Asserts that the source completes, whatever it yields on the way, without throwing.</summary>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A task that completes when the assertion passed, or fails with a message and the timeline.</returns>
    /// <remarks>Each wait is bounded (see <see cref="WithTimeLimit"/>), and so is the number of items read: 100,000.</remarks>
    [StackTraceHidden]
    public Task<AndConstraint<AsyncEnumerableAssertions<T>>> Complete(string because = "", params object[] becauseArgs) =>
        CheckAsync("complete", because, becauseArgs, run => ReadToEndAsync(run, null));

    /// <summary>Asserts that the source completes within <paramref name="limit"/> of the first <c>GetAsyncEnumerator</c>.</summary>
    /// <param name="limit">Virtual time with a <see cref="VirtualClock"/>, real time otherwise.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A task that completes when the assertion passed, or fails with a message and the timeline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is negative.</exception>
    /// <remarks>
    /// With a <see cref="VirtualClock"/> that no <see cref="VirtualTime"/> run drives, the clock is advanced no further than
    /// the limit. Under a run, the run moves the clock and the completion time is checked afterwards.
    /// </remarks>
    [StackTraceHidden]
    public Task<AndConstraint<AsyncEnumerableAssertions<T>>> CompleteWithin(TimeSpan limit, string because = "", params object[] becauseArgs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, TimeSpan.Zero);
        var unit = _pacing.Virtual is null ? $"{TimeFormat.RealSeconds(limit)} of real time" : $"{TimeFormat.Elapsed(limit)} of virtual time";
        return CheckAsync($"complete within {unit}", because, becauseArgs, run => ReadToEndAsync(run, limit));
    }

    /// <summary>Asserts that the source ends by throwing <typeparamref name="TException"/> (or a subtype), after any items.</summary>
    /// <typeparam name="TException">The expected exception type.</typeparam>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The exception's assertions, for example <c>.WithMessage("*page 3*")</c>.</returns>
    [StackTraceHidden]
    public Task<ExceptionAssertions<TException>> Throw<TException>(string because = "", params object[] becauseArgs)
        where TException : Exception =>
        ThrowCoreAsync<TException>(null, because, becauseArgs);

    /// <summary>Asserts that the source yields exactly <paramref name="itemsBefore"/> and then throws <typeparamref name="TException"/>.</summary>
    /// <typeparam name="TException">The expected exception type (or a subtype).</typeparam>
    /// <param name="itemsBefore">The items that come before the exception, in order.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The exception's assertions, for example <c>.WithMessage("*page 3*")</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="itemsBefore"/> is <see langword="null"/>.</exception>
    [StackTraceHidden]
    public Task<ExceptionAssertions<TException>> Throw<TException>(IEnumerable<T> itemsBefore, string because = "", params object[] becauseArgs)
        where TException : Exception
    {
        ArgumentNullException.ThrowIfNull(itemsBefore);
        return ThrowCoreAsync<TException>(itemsBefore.ToList(), because, becauseArgs);
    }

    /// <summary>Asserts that the source, enumerated to its end and drawn as marbles, is <paramref name="marbles"/>.</summary>
    /// <param name="marbles">The expected diagram, for example <c>"-a-b-|"</c>: one character per <paramref name="frame"/> of virtual time
    /// from the clock's start, items drawn as their text, <c>|</c> completion, <c>#</c> error, <c>x</c> cancellation, <c>(ab)</c> same frame.</param>
    /// <param name="frame">The virtual time one character stands for.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A task that completes when the assertion passed, or fails with both diagrams aligned and the timeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="marbles"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frame"/> is not positive.</exception>
    /// <remarks>Needs a <see cref="VirtualClock"/> to be meaningful: on real time every item lands wherever the machine's timing puts it.</remarks>
    [StackTraceHidden]
    public Task<AndConstraint<AsyncEnumerableAssertions<T>>> MatchMarbles(string marbles, TimeSpan frame, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(marbles);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(frame, TimeSpan.Zero);
        return CheckAsync($"match the marbles \"{marbles}\"", because, becauseArgs, async run =>
        {
            while (await run.MoveNextAsync().ConfigureAwait(true))
            {
                if (run.ItemCount >= Enumeration<T>.MaxItems)
                {
                    return new Verdict($"it yielded {Enumeration<T>.MaxItems} items without ending", run.LastEventIndex);
                }
            }

            var events = run.Timeline.Events;
            var last = run.LastEventIndex >= 0 ? events[run.LastEventIndex] : default;
            var difference = Marbles.Compare(marbles, Marbles.Of(events, last.Source, last.Enumeration, frame), frame);
            return difference is null ? null : new Verdict(difference);
        });
    }

    private Task<ExceptionAssertions<TException>> ThrowCoreAsync<TException>(List<T>? before, string because, object[] becauseArgs)
        where TException : Exception
    {
        var expectation = before is null ? $"throw {typeof(TException).Name}" : $"yield {Failure.Show(before)} and then throw {typeof(TException).Name}";
        var wanted = typeof(TException).Name;
        return CheckAsync(
            expectation,
            because,
            becauseArgs,
            async run =>
            {
                if (before is not null && await ReadInOrderAsync(run, before, ItemEquality<T>.Default).ConfigureAwait(true) is { } differs)
                {
                    return differs;
                }

                while (await run.MoveNextAsync().ConfigureAwait(true))
                {
                    if (before is not null)
                    {
                        return new Verdict($"it yielded a further item: item [{run.ItemCount - 1}] was {Failure.Show(run.Current)}", run.LastEventIndex, "expected " + wanted);
                    }

                    if (run.ItemCount >= Enumeration<T>.MaxItems)
                    {
                        return new Verdict($"it yielded {Enumeration<T>.MaxItems} items without ending", run.LastEventIndex);
                    }
                }

                if (run.End == EndKind.Faulted && run.Error is TException)
                {
                    return null;
                }

                return run.End switch
                {
                    EndKind.Faulted => new Verdict($"{MessageFormat.AfterItems(run.ItemCount)}, MoveNextAsync threw {MessageFormat.Exception(run.Error)}", run.LastEventIndex, "expected " + wanted, run.Error),
                    EndKind.Completed => WithSwallowed(run, Ended(run, wanted)),
                    _ => Ended(run, wanted),
                };
            },
            run => Flavor.Exceptions<TException>(run.Error is TException ex ? [ex] : []));
    }

    /// <summary>Adds to the verdict on a source that completed the error a source it read threw, if the timeline holds one.</summary>
    /// <remarks>
    /// Only a probe on a shared timeline shows what the sources beneath it did (a merge's inputs, say); the first failure of
    /// another source during this enumeration is the likely error it caught instead of passing it on, and is marked.
    /// </remarks>
    private static Verdict WithSwallowed(Enumeration<T> run, Verdict verdict)
    {
        var events = run.Timeline.Events;
        var index = Swallowed.Find(events, run.FirstEventIndex, run.Source);
        return index < 0
            ? verdict
            : verdict with
            {
                Actual = verdict.Actual + Swallowed.Clause(events, index, "the sequence"),
                Notes = new Dictionary<int, string> { [index] = "not passed on" },
            };
    }

    /// <summary>Reads to the end, within <paramref name="total"/> of virtual or real time when given.</summary>
    private static async Task<Verdict?> ReadToEndAsync(Enumeration<T> run, TimeSpan? total)
    {
        var started = run.Pacing.Now ?? TimeSpan.Zero;
        var realStart = Stopwatch.GetTimestamp();
        TimeSpan Spent() => run.Pacing.Now is { } now ? now - started : Stopwatch.GetElapsedTime(realStart);
        TimeSpan? Remaining() => total is { } t ? (t - Spent() is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero) : null;

        while (await run.MoveNextAsync(Remaining()).ConfigureAwait(true))
        {
            if (run.ItemCount >= Enumeration<T>.MaxItems)
            {
                return new Verdict($"it yielded {Enumeration<T>.MaxItems} items without completing", run.LastEventIndex);
            }
        }

        if (total is { } limit && (run.End == EndKind.Stalled || Spent() > limit))
        {
            var spent = run.Pacing.Virtual is null ? TimeFormat.RealSeconds(Spent()) : TimeFormat.Elapsed(Spent());
            return run.End == EndKind.Completed
                ? new Verdict($"it completed only after {spent}", run.LastEventIndex, "too late")
                : new Verdict($"it had not completed after {spent} ({MessageFormat.Items(run.ItemCount)} so far)", run.LastEventIndex, "still waiting");
        }

        return run.End == EndKind.Completed ? null : Ended(run, "completion");
    }
}
