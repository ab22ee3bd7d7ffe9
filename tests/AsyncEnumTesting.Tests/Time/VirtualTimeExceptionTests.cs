namespace AsyncEnumTesting.Tests.Time;

public sealed class VirtualTimeExceptionTests
{
    [Fact]
    public void Constructor_NoArguments_HasDefaultMessage()
    {
        var ex = new VirtualTimeException();

        Assert.Null(ex.InnerException);
        Assert.False(string.IsNullOrEmpty(ex.Message));
    }

    [Fact]
    public void Constructor_Message_KeepsIt()
    {
        var ex = new VirtualTimeException("stuck at 00:05.000");

        Assert.Equal("stuck at 00:05.000", ex.Message);
        Assert.Null(ex.InnerException);
    }

    [Fact]
    public void Constructor_MessageAndInner_KeepsBoth()
    {
        var inner = new InvalidOperationException("inner");

        var ex = new VirtualTimeException("outer", inner);

        Assert.Equal("outer", ex.Message);
        Assert.Same(inner, ex.InnerException);
    }
}
