using System.Diagnostics;

namespace AsyncEnumTesting;

/// <content>Checking that a window of time passes without events.</content>
public sealed partial class AsyncSequenceReader<T>
{
    /// <summary>Lets <paramref name="window"/> pass and checks that the sequence produced no event in it, nor before it unconsumed.</summary>
    /// <param name="window">How long the sequence must stay silent: virtual time with a clock, real time without.</param>
    /// <returns>A task that completes once the window has passed in silence.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is negative, or longer than
    /// <see cref="AsyncSequenceReaderOptions.RealTimeLimit"/> for a reader without a clock.</exception>
    /// <exception cref="AsyncSequenceAssertionException">An event was waiting unconsumed already, one came within the window, or
    /// work the clock woke did not finish within <see cref="VirtualClock.RealTimeGrace"/>.</exception>
    /// <exception cref="InvalidOperationException">Another call on this reader is still running.</exception>
    /// <exception cref="ObjectDisposedException">The reader is disposed.</exception>
    /// <remarks>
    /// <para>
    /// An event the reader saw before the call and the test has not consumed fails the check: the sequence was not silent,
    /// the test just had not looked. (reactor-test's <c>expectNoEvent</c> passes in that case.)
    /// </para>
    /// <para>
    /// With a clock the window is <paramref name="window"/> of virtual time; an event due exactly at the end of the window
    /// counts as inside it. The reader advances the clock by the window (<see cref="VirtualClock.AdvanceAsync"/>); inside a
    /// virtual-time run that lets the run move it, as for any timer, so work of the run still queued or running on the thread
    /// pool (a producer started with <c>Task.Run</c> that has not created its first delay yet) comes first. After the end of
    /// the sequence was consumed, or after cancellation, nothing can come, and the window only passes.
    /// </para>
    /// </remarks>
    [StackTraceHidden]
    public async Task AwaitNoEventsWithinAsync(TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        if (_clock is null)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(window, _options.RealTimeLimit);
        }

        using var scope = Enter(nameof(AwaitNoEventsWithinAsync));
        var expected = "no events within " + TimeFormat.Elapsed(window);
        var pull = _pull;
        if (Seen is { Kind: not ReaderEventKind.Canceled } early)
        {
            throw Fail(expected, $"{_subject} had already {ReaderText.Act(early)} at {TimeFormat.Elapsed(early.Time)} (not consumed yet)", early.Error, at: (early, "before the window, not consumed"));
        }

        try
        {
            await PassAsync(window, pull);
        }
        catch (VirtualTimeException ex)
        {
            throw Fail(expected, "the clock could not pass the window: " + ex.Message, ex);
        }

        if (pull is { IsCompleted: true } && pull.Result is { Kind: not ReaderEventKind.Canceled } e)
        {
            throw Fail(expected, $"{_subject} {ReaderText.Act(e)} at {TimeFormat.Elapsed(e.Time)}", e.Error, at: (e, "inside the window"));
        }
    }

    private async Task PassAsync(TimeSpan window, Task<ReaderEvent<T>>? pull)
    {
        if (_clock is not null)
        {
            await _clock.AdvanceAsync(window);
            return;
        }

        if (pull is null)
        {
            return;
        }

        using var stop = new CancellationTokenSource();
        await Task.WhenAny(pull, Task.Delay(window, TimeProvider.System, stop.Token));
        stop.Cancel();
    }
}
