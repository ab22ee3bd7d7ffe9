namespace AsyncEnumTesting.Tests.Reading;

public sealed partial class AsyncSequenceReaderTests
{
    [Fact]
    public async Task OpenReader_NeverDisposedInARun_FailsTheRunNamingTheReader()
    {
        var ex = await Assert.ThrowsAsync<VirtualTimeException>(() => VirtualTime.RunAsync(async clock =>
        {
            var reader = FakeSequence.FromMarbles(clock, "-a-b|").OpenReader(clock, new AsyncSequenceReaderOptions { Name = "letters" });
            Assert.Equal('a', await reader.AwaitItemAsync());
        }));

        Assert.Equal(
            "The virtual-time run ended with 1 reader(s) never disposed: reader \"letters\" opened at 00:00.000 (after 1 item). Dispose each " +
            "reader (await using var reader = source.OpenReader(clock)): disposing stops the source and checks that every event was " +
            "consumed. Virtual time reached 00:00.010 after 1 timer firing(s); real time spent <real>.",
            Time.VirtualClockTests.NormalizeRealTime(ex.Message));
    }

    [Fact]
    public async Task OpenReader_DisposedInARun_RunPasses()
    {
        await VirtualTime.RunAsync(async clock =>
        {
            await using var reader = FakeSequence.FromMarbles(clock, "-a|").OpenReader(clock);
            Assert.Equal('a', await reader.AwaitItemAsync());
            await reader.AwaitCompletionAsync();
        });
    }
}
