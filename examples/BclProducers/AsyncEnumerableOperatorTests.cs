using AsyncEnumTesting;

namespace BclProducers;

public sealed class AsyncEnumerableOperatorTests
{
    [Fact]
    public Task Take_ThreeOfAnEndlessSource_DisposesTheSourceAfterTheThirdItem() => VirtualTime.RunAsync(async clock =>
    {
        var timeline = new Timeline(clock);
        var ticks = FakeSequence.Generate(clock, i => i, TimeSpan.FromSeconds(1), "ticks", timeline);

        var firstThree = await ticks.Take(3).ToListAsync();

        Assert.Equal([0, 1, 2], firstThree);
        Assert.Equal(1, ticks.Disposals);
        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: none
              00:01.000  #1 MoveNextAsync -> 0
              00:02.000  #1 MoveNextAsync -> 1
              00:03.000  #1 MoveNextAsync -> 2
              00:03.000  #1 DisposeAsync
            """,
            timeline.Render());
    });

    [Fact]
    public Task Zip_ShorterRightSource_PairsInLockstepAndDisposesBoth() => VirtualTime.RunAsync(async clock =>
    {
        var timeline = new Timeline(clock);
        var letters = FakeSequence.FromMarbles(clock, "-a-b-c|", frame: TimeSpan.FromSeconds(1), name: "letters", timeline: timeline);
        var digits = FakeSequence.FromMarbles(clock, "--1--2|", frame: TimeSpan.FromSeconds(1), name: "digits", timeline: timeline);

        var pairs = await letters.Zip(digits).ToListAsync();

        Assert.Equal([('a', '1'), ('b', '2')], pairs);
        Assert.Equal(1, letters.Disposals);
        Assert.Equal(1, digits.Disposals);
        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  letters#1 GetAsyncEnumerator  token: none
              00:00.000  digits#1  GetAsyncEnumerator  token: none
              00:01.000  letters#1 MoveNextAsync -> 'a'
              00:02.000  digits#1  MoveNextAsync -> '1'
              00:03.000  letters#1 MoveNextAsync -> 'b'
              00:05.000  digits#1  MoveNextAsync -> '2'
              00:05.000  letters#1 MoveNextAsync -> 'c'
              00:06.000  digits#1  MoveNextAsync -> completed
              00:06.000  digits#1  DisposeAsync
              00:06.000  letters#1 DisposeAsync
            """,
            timeline.Render());
    });

    [Fact]
    public Task Select_AsyncSelectorCancelled_PassesTheTokenToSelectorAndSource() => VirtualTime.RunAsync(async clock =>
    {
        var timeline = new Timeline(clock);
        var ids = FakeSequence.Script<int>(clock).Yield(1, 2, 3).Probe(timeline, "ids");
        using var cts = new CancellationTokenSource();
        var lookups = ids.Select(async (id, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2), clock, ct); // a remote lookup per item
            return $"order-{id}";
        });
        var seen = new List<string>();

        var act = async () =>
        {
            await foreach (var order in lookups.WithCancellation(cts.Token))
            {
                seen.Add(order);
                cts.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(act);
        Assert.Equal(["order-1"], seen);
        var run = Assert.Single(ids.Enumerations);
        Assert.True(run.TokenCanBeCanceled);
        Assert.Equal(TimeSpan.FromSeconds(2), run.TokenCanceledAt);
        Assert.True(run.IsDisposed);
        Assert.Equal(
            """
            Timeline (virtual time):
              00:00.000  #1 GetAsyncEnumerator  token: cancellable
              00:00.000  #1 MoveNextAsync -> 1
              00:02.000  #1 token canceled
              00:02.000  #1 MoveNextAsync -> canceled
              00:02.000  #1 DisposeAsync
            """,
            timeline.Render());
    });
}
