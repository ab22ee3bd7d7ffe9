namespace AsyncEnumTesting.Tests.Time;

/// <content>Runs that watch for forgotten faults (<see cref="VirtualTimeOptions.ReportUnobservedFaults"/>) whose body failed with
/// none found, or was canceled: the body's own outcome stands. A body that failed after a forgotten producer died is in
/// <see cref="PoolHopTests"/>: its producer hops through the pool.</content>
public sealed partial class VirtualTimeTests
{
    [Fact]
    public async Task RunAsync_BodyFailsAndNothingForgottenFailed_ThrowsTheBodysOwnException()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => VirtualTime.RunAsync(
            async clock =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), clock);
                throw new ArgumentException("body failed");
            },
            ReportFaults));

        Assert.Equal("body failed", ex.Message);
    }

    [Fact]
    public async Task RunAsync_BodyCanceledAfterAForgottenFault_StaysCanceled()
    {
        var run = VirtualTime.RunAsync(
            async clock =>
            {
                StartAndForget(clock);
                await Task.Delay(TimeSpan.FromSeconds(5), clock);
                throw new OperationCanceledException("gave up");
            },
            ReportFaults);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(run.IsCanceled);
    }
}
