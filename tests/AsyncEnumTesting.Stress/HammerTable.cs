using System.Diagnostics;
using AsyncEnumTesting.Tests.Timelines;

namespace AsyncEnumTesting.Stress;

/// <summary>
/// Runs the timeline's concurrency hammers (<see cref="TimelineConcurrencyTests"/>) at many times the suite's rounds: the
/// suite keeps a quarter of their old rounds for speed, this table the strength that found the snapshot races.
/// </summary>
internal static class HammerTable
{
    public static async Task<int> RunAsync(int strength)
    {
        TimelineConcurrencyTests.Strength = strength;
        var tests = new TimelineConcurrencyTests();
        (string Name, Func<Task> Run)[] hammers =
        [
            (nameof(tests.Events_ReadWhileEightThreadsAppend_EverySnapshotIsAnInOrderPrefixPerWriter), Sync(tests.Events_ReadWhileEightThreadsAppend_EverySnapshotIsAnInOrderPrefixPerWriter)),
            (nameof(tests.Items_ReadWhileEightProbesOnEightThreadsYield_EverySnapshotIsAnInOrderPrefix), Sync(tests.Items_ReadWhileEightProbesOnEightThreadsYield_EverySnapshotIsAnInOrderPrefix)),
            (nameof(tests.Events_ReadWhileEightProbesOnEightThreadsYield_EachSnapshotExtendsThePreviousOne), Sync(tests.Events_ReadWhileEightProbesOnEightThreadsYield_EachSnapshotExtendsThePreviousOne)),
            (nameof(tests.Append_OtherThreadsJoinWhileTheFirstAppends_NoEventLostAndEachWriterInOrder), Sync(tests.Append_OtherThreadsJoinWhileTheFirstAppends_NoEventLostAndEachWriterInOrder)),
            (nameof(tests.Events_RealTimeFromEightThreads_TimesNeverGoBackInOrder), Sync(tests.Events_RealTimeFromEightThreads_TimesNeverGoBackInOrder)),
            (nameof(tests.MoveNextAsync_EightThreadsOverlappingWithMisuseAllowed_RecordsEveryItemAndEndsWithNothingPending), tests.MoveNextAsync_EightThreadsOverlappingWithMisuseAllowed_RecordsEveryItemAndEndsWithNothingPending),
        ];

        Console.WriteLine($"| hammer (strength {strength}: {strength}x the suite's rounds) | result | time |");
        Console.WriteLine("|---|---|---:|");
        var failed = 0;
        foreach (var (name, run) in hammers)
        {
            var started = Stopwatch.GetTimestamp();
            string result;
            try
            {
                await run();
                result = "passed";
            }
            catch (Exception ex)
            {
                failed++;
                result = "**failed**: " + ex.GetType().Name + ": " + ex.Message.ReplaceLineEndings(" ");
            }

            Console.WriteLine($"| {name} | {result} | {Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s |");
        }

        return failed == 0 ? 0 : 1;
    }

    private static Func<Task> Sync(Action test) => () =>
    {
        test();
        return Task.CompletedTask;
    };
}
