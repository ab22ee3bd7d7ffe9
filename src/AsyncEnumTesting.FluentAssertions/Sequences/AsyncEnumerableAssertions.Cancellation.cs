using System.Diagnostics;

#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <content>Cancellation: the token reaches the producer, and cancelling it stops the stream promptly and cleanly.</content>
public sealed partial class AsyncEnumerableAssertions<T>
{
    /// <summary>Asserts that the source stops promptly when the consumer cancels its token after <paramref name="afterItems"/> items.</summary>
    /// <param name="afterItems">How many items the consumer takes before it cancels the token and asks for the next one.</param>
    /// <param name="within">How long the source may take to stop: virtual time with a <see cref="VirtualClock"/> (default: no time at all), real time otherwise (default: the wait bound).</param>
    /// <param name="allowCompletion">Whether ending quietly (<c>MoveNextAsync</c> returning <see langword="false"/>) counts as stopping; by default only <see cref="OperationCanceledException"/> does.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A task that completes when the assertion passed, or fails with a message and the timeline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="afterItems"/> or <paramref name="within"/> is negative.</exception>
    /// <remarks>
    /// The consumer cancels the token given to <c>GetAsyncEnumerator</c>, then calls <c>MoveNextAsync</c>: it must end
    /// within the bound, without another item, and the enumerator is then disposed. This is strict on purpose: an item
    /// already in memory (the rest of a page fetched before the cancel) fails too, since a consumer that cancelled does not
    /// want it; a producer checks the token before each <c>yield return</c>. When the source does not stop, the message
    /// says what it did instead (items after the cancel and when, or that its call never returned) and whether the token
    /// reached the sources it reads (visible when they are probes on the same timeline). With a <see cref="VirtualClock"/>, the
    /// producer must also release what it opened: no timer it created may be left pending on the clock after disposal.
    /// </remarks>
    [StackTraceHidden]
    public Task<AndConstraint<AsyncEnumerableAssertions<T>>> HonorCancellation(
        int afterItems, TimeSpan? within = null, bool allowCompletion = false, string because = "", params object[] becauseArgs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterItems);
        ValidateWithin(within);
        return CheckAsync(
            $"stop when its token is cancelled after {MessageFormat.Items(afterItems)}",
            because,
            becauseArgs,
            async run =>
            {
                for (var i = 0; i < afterItems; i++)
                {
                    if (!await run.MoveNextAsync().ConfigureAwait(true))
                    {
                        return Ended(run, $"item [{i}] before the cancellation");
                    }
                }

                run.Cancel();
                await run.MoveNextAsync(BoundAfterCancel(within)).ConfigureAwait(true);
                return StopVerdict(run, within, allowCompletion, StrictAfterItems);
            },
            _ => new AndConstraint<AsyncEnumerableAssertions<T>>(this),
            LeftoverTimers,
            ExplainStall,
            countTimers: true);
    }

    /// <summary>Asserts that the source stops promptly when the consumer's token is cancelled at virtual time <paramref name="at"/>.</summary>
    /// <param name="at">The virtual time (since the clock's start) at which the token is cancelled, typically while <c>MoveNextAsync</c> waits.</param>
    /// <param name="within">How much virtual time the source may take to stop after <paramref name="at"/>; default: none.</param>
    /// <param name="allowCompletion">Whether ending quietly counts as stopping; by default only <see cref="OperationCanceledException"/> does.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>A task that completes when the assertion passed, or fails with a message and the timeline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> or <paramref name="within"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The assertions have no <see cref="VirtualClock"/>: pass it with <c>Should(clock)</c>.</exception>
    /// <remarks>Items that come before <paramref name="at"/> are fine; an item after it fails. See <see cref="HonorCancellation(int, TimeSpan?, bool, string, object[])"/> for disposal.</remarks>
    [StackTraceHidden]
    public Task<AndConstraint<AsyncEnumerableAssertions<T>>> HonorCancellation(
        TimeSpan at, TimeSpan? within = null, bool allowCompletion = false, string because = "", params object[] becauseArgs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(at, TimeSpan.Zero);
        ValidateWithin(within);
        var clock = _pacing.Virtual ?? throw new InvalidOperationException(
            "HonorCancellation(at) cancels at a virtual time, so it needs the source's VirtualClock: use source.Should(clock).HonorCancellation(at).");
        return CheckAsync(
            $"stop when its token is cancelled at {TimeFormat.Elapsed(at)}",
            because,
            becauseArgs,
            async run =>
            {
                using var timer = run.CancelAt(clock, at);
                while (true)
                {
                    var limit = at + (within ?? TimeSpan.Zero) - clock.Elapsed;
                    if (!await run.MoveNextAsync(limit > TimeSpan.Zero ? limit : TimeSpan.Zero).ConfigureAwait(true) || run.CanceledAt is not null)
                    {
                        break;
                    }
                }

                return run.CanceledAt is null ? Ended(run, $"cancellation at {TimeFormat.Elapsed(at)}") : StopVerdict(run, within, allowCompletion, null);
            },
            _ => new AndConstraint<AsyncEnumerableAssertions<T>>(this),
            LeftoverTimers,
            ExplainStall,
            countTimers: true);
    }

    /// <summary>States the rule of <c>HonorCancellation(afterItems)</c> when it fails on an item after the cancel.</summary>
    private const string StrictAfterItems =
        ". HonorCancellation(afterItems) is strict: the MoveNextAsync after the cancel must end, even when its item is already in memory " +
        "(the rest of a page fetched before the cancel); check the token before each yield return (ct.ThrowIfCancellationRequested())";

    private static void ValidateWithin(TimeSpan? within)
    {
        if (within is { } w)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(w, TimeSpan.Zero, nameof(within));
        }
    }

    private TimeSpan? BoundAfterCancel(TimeSpan? within) => within ?? (_pacing.Virtual is null ? null : TimeSpan.Zero);

    /// <summary>Judges how the source ended once its token was cancelled.</summary>
    private static Verdict? StopVerdict(Enumeration<T> run, TimeSpan? within, bool allowCompletion, string? strictness)
    {
        var canceled = run.CanceledAt is { } t ? $"at {TimeFormat.Elapsed(t)}" : "by the consumer";

        // Without within, a virtual clock allows no time at all: say that, not "within 00:00.000".
        var noTime = run.Pacing.Virtual is not null && within is null;
        var bound = run.Pacing.Virtual is null
            ? TimeFormat.RealSeconds(within ?? run.Pacing.Limit) + " of real time"
            : TimeFormat.Elapsed(within ?? TimeSpan.Zero) + " of virtual time";
        switch (run.End)
        {
            case EndKind.Open:
                return new Verdict(
                    $"after the token was cancelled {canceled}, it yielded another item: item [{run.ItemCount - 1}] was {Failure.Show(run.Current)}{strictness}",
                    run.LastEventIndex,
                    "expected OperationCanceledException");
            case EndKind.Completed when !allowCompletion:
                return new Verdict($"after the token was cancelled {canceled}, it completed quietly instead of throwing OperationCanceledException (pass allowCompletion: true if that is intended)", run.LastEventIndex, "expected OperationCanceledException");
            case EndKind.Stalled:
                return new Verdict(
                    noTime
                        ? $"it did not stop before the clock moved on after the token was cancelled {canceled} (without a within argument, no virtual time may pass)"
                        : $"it did not stop within {bound} after the token was cancelled {canceled}",
                    run.LastEventIndex,
                    "did not stop");
            case EndKind.Faulted when run.Error is not OperationCanceledException:
                return new Verdict($"after the token was cancelled {canceled}, MoveNextAsync threw {MessageFormat.Exception(run.Error)}", run.LastEventIndex, "expected OperationCanceledException", run.Error);
        }

        if (run.Pacing.Now is { } now && run.CanceledAt is { } at && now - at > (within ?? TimeSpan.Zero))
        {
            return new Verdict(
                $"it stopped only {TimeFormat.Elapsed(now - at)} after the token was cancelled {canceled}, " +
                (noTime ? "but without a within argument no virtual time may pass" : "later than " + bound),
                run.LastEventIndex,
                "too late");
        }

        return null;
    }

    /// <summary>Fails when the producer left timers pending on the virtual clock after it was cancelled and disposed.</summary>
    private static Verdict? LeftoverTimers(Enumeration<T> run)
    {
        var left = run.ProducerTimersPending;
        return left > 0
            ? new Verdict($"after it was cancelled and disposed, {(left == 1 ? "1 timer it created is" : $"{left} timers it created are")} still pending on the clock (a Task.Delay or PeriodicTimer not tied to the token, or not disposed)", run.Timeline.Count - 1, "timers left pending")
            : null;
    }
}
