namespace AsyncEnumTesting.Tests.Timelines.Storage;

public sealed class AppendLogTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(2031)]
    [InlineData(2032)]
    [InlineData(3057)]
    [InlineData(10_000)]
    [InlineData(32_752)]
    [InlineData(70_000)]
    public void Add_ManyValues_ReadBackInOrderByIndexAndArray(int count)
    {
        var log = new AppendLog<int>();

        for (var i = 0; i < count; i++)
        {
            Assert.Equal(i, log.Add(i * 3));
        }

        Assert.Equal(count, log.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => i * 3), log.ToArray());
        Assert.All(Enumerable.Range(0, count), i => Assert.Equal(i * 3, log[i]));
    }

    [Fact]
    public void Indexer_PastCommitted_Throws()
    {
        var log = new AppendLog<string>();
        log.Add("a");

        Assert.Throws<ArgumentOutOfRangeException>(() => log[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => log[-1]);
    }

    [Fact]
    public void GetBoxed_Value_BoxesOnRead()
    {
        var log = new AppendLog<int>();
        log.Add(42);

        Assert.Equal(42, ((IBoxedItems)log).GetBoxed(0));
    }
}
