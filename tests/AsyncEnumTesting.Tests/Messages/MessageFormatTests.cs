namespace AsyncEnumTesting.Tests.Messages;

public sealed class MessageFormatTests
{
    [Theory]
    [InlineData(0, "0 items")]
    [InlineData(1, "1 item")]
    [InlineData(12345, "12345 items")]
    public void Items_Count_SaysTheCountWithItsNoun(int count, string expected) => Assert.Equal(expected, MessageFormat.Items(count));

    [Theory]
    [InlineData(0, "before any item")]
    [InlineData(1, "after 1 item")]
    [InlineData(3, "after 3 items")]
    public void AfterItems_Count_SaysWhereInTheStream(int count, string expected) => Assert.Equal(expected, MessageFormat.AfterItems(count));

    [Fact]
    public void Items_NegativeCount_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => MessageFormat.AfterItems(-1));

        Assert.Equal("count", ex.ParamName);
    }

    [Fact]
    public void Exception_AnException_SaysItsTypeAndMessage() =>
        Assert.Equal("TimeoutException: The page did not come.", MessageFormat.Exception(new TimeoutException("The page did not come.")));

    [Fact]
    public void Exception_Null_SaysAnException() => Assert.Equal("an exception", MessageFormat.Exception(null));
}
