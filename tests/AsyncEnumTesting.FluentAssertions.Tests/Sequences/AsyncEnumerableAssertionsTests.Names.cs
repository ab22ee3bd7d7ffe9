using System.Runtime.CompilerServices;
using static AsyncEnumTesting.FluentAssertions.Tests.Sources;

namespace AsyncEnumTesting.FluentAssertions.Tests.Sequences;

/// <summary>Which name a failure gives the source: the subject expression, a named scope's name, and the name the test gave a fake or probe.</summary>
public sealed partial class AsyncEnumerableAssertionsTests
{
    [Fact]
    public async Task YieldInOrder_NamedFakesInANamedAssertionScope_EachFailureAddsItsFakesName()
    {
        var clock = new VirtualClock();
        var a = FakeSequence.FromMarbles(clock, "-a-b|", name: "first");
        var b = FakeSequence.FromMarbles(clock, "-x-y|", name: "second");

        var message = await FailureOf(async () =>
        {
            using var scope = new AssertionScope("feeds");
            await a.Should(clock).YieldInOrder('a', 'c');
            await b.Should(clock).YieldCount(3);
        });

        Assert.Equal(
            Lines(
                "Expected feeds (\"first\") to yield {'a', 'c'} in order, but item [1] was 'b'.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable",
                "  00:00.010  #1 MoveNextAsync -> 'a'",
                "  00:00.030  #1 MoveNextAsync -> 'b'      <- differs from 'c'",
                "  00:00.030  #1 DisposeAsync",
                "Expected feeds (\"second\") to yield 3 items and complete, but it completed after 2 items.",
                "Timeline (virtual time):",
                "  00:00.030  #1 GetAsyncEnumerator  token: cancellable",
                "  00:00.040  #1 MoveNextAsync -> 'x'",
                "  00:00.060  #1 MoveNextAsync -> 'y'",
                "  00:00.070  #1 MoveNextAsync -> completed      <- expected item [2]",
                "  00:00.070  #1 DisposeAsync",
                string.Empty),
            message);
    }

    [Fact]
    public async Task YieldInOrder_UnnamedFakeInANamedAssertionScope_KeepsTheScopeNameAlone()
    {
        var clock = new VirtualClock();
        var a = FakeSequence.FromMarbles(clock, "-a-b|");

        var message = await FailureOf(async () =>
        {
            using var scope = new AssertionScope("feeds");
            await a.Should(clock).YieldInOrder('a', 'c');
        });

        Assert.Equal(
            Lines(
                "Expected feeds to yield {'a', 'c'} in order, but item [1] was 'b'.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable",
                "  00:00.010  #1 MoveNextAsync -> 'a'",
                "  00:00.030  #1 MoveNextAsync -> 'b'      <- differs from 'c'",
                "  00:00.030  #1 DisposeAsync",
                string.Empty),
            message);
    }

    [Fact]
    public async Task YieldInOrder_NamedFakeWithoutAScope_NamesTheSubjectExpression()
    {
        var clock = new VirtualClock();
        var a = FakeSequence.FromMarbles(clock, "-a-b|", name: "first");

        var message = await FailureOf(() => a.Should(clock).YieldInOrder('a', 'c'));

        Assert.Equal(
            Lines(
                "Expected a to yield {'a', 'c'} in order, but item [1] was 'b'.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable",
                "  00:00.010  #1 MoveNextAsync -> 'a'",
                "  00:00.030  #1 MoveNextAsync -> 'b'      <- differs from 'c'",
                "  00:00.030  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task Throw_OperatorSwallowsAProbedSourcesError_NamesTheErrorItDidNotPassOn()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var second = TimeSpan.FromSeconds(1);
        var left = FakeSequence.FromMarbles(clock, "a-#", new IOException("left down"), frame: second).Probe(timeline, "left");
        var right = FakeSequence.FromMarbles(clock, "-b|", frame: second).Probe(timeline, "right");
        var merged = ConcatSwallowing(left, right).Probe(timeline, "merged");

        var message = await FailureOf(() => merged.Should(clock).Throw<IOException>());

        Assert.Equal(
            Lines(
                "Expected merged to throw IOException, but it completed after 2 items, although \"left\" #1 threw IOException: left down at 00:02.000: the sequence caught it and went on.",
                "Timeline (virtual time):",
                "  00:00.000  merged#1 GetAsyncEnumerator      token: cancellable",
                "  00:00.000  merged#1 MoveNextAsync started",
                "  00:00.000  left#1   GetAsyncEnumerator      token: cancellable",
                "  00:00.000  left#1   MoveNextAsync -> 'a'",
                "  00:00.000  merged#1 MoveNextAsync -> 'a'",
                "  00:00.000  merged#1 MoveNextAsync started",
                "  00:02.000  left#1   MoveNextAsync -> threw  IOException: left down      <- not passed on",
                "  00:02.000  left#1   DisposeAsync",
                "  00:02.000  right#1  GetAsyncEnumerator      token: cancellable",
                "  00:03.000  right#1  MoveNextAsync -> 'b'",
                "  00:03.000  merged#1 MoveNextAsync -> 'b'",
                "  00:03.000  merged#1 MoveNextAsync started",
                "  00:04.000  right#1  MoveNextAsync -> completed",
                "  00:04.000  right#1  DisposeAsync",
                "  00:04.000  merged#1 MoveNextAsync -> completed      <- expected IOException",
                "  00:04.000  merged#1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task Throw_AnotherSourceFailedBeforeThisEnumeration_SaysOnlyHowItEnded()
    {
        var clock = new VirtualClock();
        var timeline = new Timeline(clock);
        var failed = FakeSequence.FromMarbles(clock, "#", new IOException("down")).Probe(timeline, "failed");
        await VirtualTime.RunAsync(clock, async _ => await Assert.ThrowsAsync<IOException>(() => failed.CountAsync().AsTask()));
        var healthy = FakeSequence.FromMarbles(clock, "-a|").Probe(timeline, "healthy");

        var message = await FailureOf(() => healthy.Should(clock).Throw<IOException>());

        Assert.Equal(
            Lines(
                "Expected healthy to throw IOException, but it completed after 1 item.",
                "Timeline (virtual time):",
                "  00:00.000  failed#1  GetAsyncEnumerator      token: none",
                "  00:00.000  failed#1  MoveNextAsync -> threw  IOException: down",
                "  00:00.000  failed#1  DisposeAsync",
                "  00:00.000  healthy#1 GetAsyncEnumerator      token: cancellable",
                "  00:00.010  healthy#1 MoveNextAsync -> 'a'",
                "  00:00.020  healthy#1 MoveNextAsync -> completed      <- expected IOException",
                "  00:00.020  healthy#1 DisposeAsync"),
            message);
    }

    /// <summary>Bug on purpose: reads <paramref name="first"/> to its end, treating its IOException as the end, then <paramref name="second"/>.</summary>
    private static async IAsyncEnumerable<T> ConcatSwallowing<T>(IAsyncEnumerable<T> first, IAsyncEnumerable<T> second, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using (var e = first.GetAsyncEnumerator(ct))
        {
            while (true)
            {
                try
                {
                    if (!await e.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (IOException)
                {
                    break;
                }

                yield return e.Current;
            }
        }

        await foreach (var item in second.WithCancellation(ct))
        {
            yield return item;
        }
    }
}
