namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>Keeps the FluentAssertions section of docs/failures.md equal to this catalogue's messages.</summary>
public sealed class FailuresDocTests
{
    /// <summary>This catalogue's entries, in the gallery's order.</summary>
    internal static readonly GalleryEntry[] Entries =
    [
        TokenNotPassedDownTests.Gallery,
        LeakedEnumeratorTests.Gallery,
        DoubleEnumerationTests.Gallery,
        EagerWorkTests.Gallery,
        DisposalOrderTests.Gallery,
        PageInMemoryAfterCancelTests.Gallery,
        RealTimeUnderAssertionTests.Gallery,
        BufferingInsteadOfStreamingTests.Gallery,
        ConsumerSwallowsErrorTests.Gallery,
        ValueEqualityMissingTests.Gallery,
        SeparatorLeakTests.Gallery,
    ];

    [Fact]
    public void FailuresDoc_FluentAssertionsSection_MatchesTheCatalogue()
    {
        Assert.Null(GalleryDoc.Check("fluentassertions", "AsyncEnumTesting.FluentAssertions.Tests", Entries));
    }

    [Fact]
    public void Entries_EachSnippet_IsThreeLines()
    {
        Assert.All(Entries, e => Assert.Equal(3, e.Snippet.ReplaceLineEndings("\n").Split('\n').Length));
    }
}
