#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <content>Ending an enumeration: disposing the enumerator within bounds, also after a stalled wait.</content>
internal sealed partial class Enumeration<T>
{
    /// <summary>How long, in real time, a call that already stalled gets to stop after its token was cancelled.</summary>
    /// <remarks>
    /// A source that honours its token stops through a hop or two through the thread pool (a default channel's waiter
    /// completes there); on a loaded 2-core machine such a hop measured longer than 100 ms, which left the stop out of the
    /// failure message. A source that ignores its token costs this much, after a failure only: a second (tried)
    /// made a stall take 2 s or more to fail, past the kit's bound, where 500 ms keeps it near 1.5 s.
    /// </remarks>
    private static readonly TimeSpan AfterStall = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets the exception <c>DisposeAsync</c> threw, if it did.</summary>
    public Exception? DisposeError { get; private set; }

    /// <summary>Gets why disposal did not finish, if it did not.</summary>
    public string? DisposeStall { get; private set; }

    /// <summary>Disposes the enumerator, as a consumer leaving <c>await foreach</c> would, without ever hanging.</summary>
    /// <remarks>
    /// After a stalled <c>MoveNextAsync</c> the token is cancelled first and the call is given one more bounded wait:
    /// disposing while <c>MoveNextAsync</c> is still running would break the protocol (compiler-generated iterators throw).
    /// When the call still does not finish, the enumerator is left undisposed and the assertion reports the stall.
    /// </remarks>
    public async Task DisposeAsync()
    {
        if (_enumerator is null)
        {
            _cts.Dispose();
            return;
        }

        var enumerator = _enumerator;
        _enumerator = null;
        if (_pending is { IsCompleted: false } pending)
        {
            if (!_cts.IsCancellationRequested)
            {
                Cancel();
            }

            if (End == EndKind.Stalled && _pacing.Virtual?.NextDueTime is null)
            {
                // The call already had its whole real-time grace and no timer can move it: a source that honours the token
                // stops at once (or through one post to the run, or a hop through the pool); one that does not would only
                // cost a second full grace before the same report.
                await Task.WhenAny(pending, Task.Delay(AfterStall, TimeProvider.System)).ConfigureAwait(true);
                if (!pending.IsCompleted)
                {
                    DisposeStall = "MoveNextAsync did not return even after its token was cancelled, so the enumerator could not be disposed";
                    return;
                }
            }

            // Reacting to a cancelled token may hop threads (channels do): give it at least a second of real time.
            var bound = _pacing.Virtual is null && _pacing.Limit < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : _pacing.Limit;
            if (!pending.IsCompleted && await _pacing.WaitAsync(pending, bound).ConfigureAwait(true) is not null)
            {
                DisposeStall = "MoveNextAsync did not return even after its token was cancelled, so the enumerator could not be disposed";
                return;
            }
        }

        Task task;
        try
        {
            task = CallProducer(static enumerator => enumerator.DisposeAsync().AsTask(), enumerator);
        }
#pragma warning disable CA1031 // Reported as the source's fault.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            task = Task.FromException(ex);
        }

        var stall = await _pacing.WaitAsync(task).ConfigureAwait(true);
        if (stall is not null)
        {
            DisposeStall = "DisposeAsync did not finish: " + stall;
            return;
        }

        if (!task.IsCompletedSuccessfully)
        {
            var error = Unwrap(task);
            DisposeError = error;
            Recorded();
            return;
        }

        Recorded();
        _cts.Dispose();
    }
}
