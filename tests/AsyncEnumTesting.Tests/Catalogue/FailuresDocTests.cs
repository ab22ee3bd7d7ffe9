namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>Keeps docs/failures.md equal to the catalogue's messages, which the <c>Bug_…</c> tests assert word for word.</summary>
public sealed class FailuresDocTests
{
    /// <summary>The core catalogue's entries, in the gallery's order.</summary>
    /// <remarks>
    /// Leaks, double enumeration, eager work and disposal order show in the core package as renderings and queries; the
    /// gallery shows them with the FluentAssertions package's messages instead (its catalogue has the same bugs).
    /// </remarks>
    internal static readonly GalleryEntry[] Entries =
    [
        IgnoredCancellationTokenTests.Gallery,
        YieldAfterCancellationTests.Gallery,
        TokenNotForwardedTests.Gallery,
        SwallowedErrorTests.Gallery,
        LostFinalBatchTests.Gallery,
        LastPageDroppedTests.Gallery,
        RetryStartsOverTests.Gallery,
        OverlappingMoveNextInMergeTests.Gallery,
        RealTimeRetryBackoffTests.Gallery,
        TimeoutMeasuredWithRealTimeTests.Gallery,
        WholeStreamTimeoutTests.Gallery,
        DisposeWhileMoveNextPendingTests.Gallery,
    ];

    [Fact]
    public void FailuresDoc_CoreSection_MatchesTheCatalogue()
    {
        Assert.Null(GalleryDoc.Check("core", "AsyncEnumTesting.Tests", Entries));
    }

    [Fact]
    public void Entries_EachSnippet_IsThreeLines()
    {
        Assert.All(Entries, e => Assert.Equal(3, e.Snippet.ReplaceLineEndings("\n").Split('\n').Length));
    }
}
