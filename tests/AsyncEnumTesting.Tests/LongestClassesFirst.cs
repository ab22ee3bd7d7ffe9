using AsyncEnumTesting.Tests.Fakes;
using AsyncEnumTesting.Tests.Reading;
using AsyncEnumTesting.Tests.Time;
using AsyncEnumTesting.Tests.Timelines;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("AsyncEnumTesting.Tests.LongestClassesFirst", "AsyncEnumTesting.Tests")]

namespace AsyncEnumTesting.Tests;

/// <summary>Orders the test classes as xunit does by default (at random), except that the longest ones start first.</summary>
/// <remarks>
/// xunit runs one class's tests one after another, and a class holds one of the parallel slots until its last test ends,
/// so the parallel phase ends with the class that started last plus its length. <see cref="TimelineConcurrencyTests"/>
/// (six CPU-bound hammers, 12 s on an idle 2-core machine, 15 to 21 s under load) started anywhere from 0 to 10 s into
/// the phase and then ran alone past every other class. Started first, with the next longest beside it, it overlaps
/// them instead. Only the start order changes: the isolated collection still runs alone after all the others
/// (<see cref="IsolatedRuns"/>), and the rest keep xunit's random order.
/// </remarks>
public sealed class LongestClassesFirst : ITestCollectionOrderer
{
    /// <summary>The longest classes, longest first (test run of 2026-12-03, 17:50 UTC: their sums of test durations).</summary>
    private static readonly string[] Longest =
    [
        DefaultName(typeof(TimelineConcurrencyTests)),
        DefaultName(typeof(AsyncSequenceReaderTests)),
        DefaultName(typeof(DrivenSequenceTests)),
        DefaultName(typeof(VirtualTimeTests)),
        DefaultName(typeof(VirtualClockTests)),
    ];

    /// <inheritdoc />
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        new DefaultTestCollectionOrderer()
            .OrderTestCollections(testCollections)
            .OrderBy(collection => Array.IndexOf(Longest, collection.DisplayName) is var rank and >= 0 ? rank : Longest.Length);

    /// <summary>Names a class's own collection as xunit does when the class names none.</summary>
    private static string DefaultName(Type testClass) => "Test collection for " + testClass.FullName;
}
