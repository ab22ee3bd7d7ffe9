#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <summary>Runs a consumer within bounds and judges what it did, for <see cref="ConsumerAssertions"/>.</summary>
internal static class ConsumerRun
{
    /// <summary>Starts the consumer and waits for it, moving the timeline's virtual clock when nothing else does.</summary>
    /// <returns>The consumer's exception, if it threw, and why the wait gave up, if it did.</returns>
    public static async Task<(Exception? Error, string? Stall)> RunAsync(Func<Task> consumer, Timeline timeline)
    {
        Task task;
        try
        {
            task = consumer();
        }
#pragma warning disable CA1031 // The consumer's exception is the assertion's finding.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (ex, null);
        }

        var stall = await new Pacing(timeline.Clock, null).WaitAsync(task).ConfigureAwait(true);
        if (stall is not null)
        {
            return (null, "it did not finish: " + stall);
        }

        return (task.Exception?.InnerException ?? (task.IsCanceled ? new TaskCanceledException(task) : null), null);
    }

    /// <summary>Fails with the timeline when <paramref name="actual"/> says what went wrong.</summary>
    public static void Judge(string subject, string expectation, string? actual, Exception? error, Timeline timeline, string because, object[] becauseArgs)
    {
        if (actual is null)
        {
            return;
        }

        using var scope = Flavor.NameSubject(string.IsNullOrWhiteSpace(subject) ? "consumer" : subject);
        Failure.Fail(expectation, new Verdict(actual, Cause: error, CauseOwner: "consumer"), timeline, because, becauseArgs);
    }
}
