namespace AsyncEnumTesting.Tests.Reading;

public sealed class AsyncSequenceAssertionExceptionTests
{
    [Fact]
    public void Constructors_Arguments_AreKept()
    {
        var inner = new InvalidOperationException("boom");

        var bare = new AsyncSequenceAssertionException();
        var message = new AsyncSequenceAssertionException("Expected x, but y.");
        var wrapped = new AsyncSequenceAssertionException("Expected x, but y.", inner);

        Assert.NotNull(bare.Message);
        Assert.Equal("Expected x, but y.", message.Message);
        Assert.Same(inner, wrapped.InnerException);
    }
}
