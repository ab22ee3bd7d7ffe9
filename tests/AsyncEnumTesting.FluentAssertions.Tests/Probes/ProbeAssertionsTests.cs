using Xunit.Sdk;
using static AsyncEnumTesting.FluentAssertions.Tests.Sources;

namespace AsyncEnumTesting.FluentAssertions.Tests.Probes;

public sealed class ProbeAssertionsTests
{
    private static string FailureOf(Action assertion, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var message = RealTimes(Assert.Throws<XunitException>(assertion).Message);
        if (Environment.GetEnvironmentVariable("AET_DUMP") is { } dump)
        {
            File.AppendAllText(dump, "=== " + test + "\n" + message + "\n");
        }

        return message;
    }

    private static async Task TakeAsync<T>(IAsyncEnumerable<T> source, int count, bool dispose = true, CancellationToken ct = default)
    {
        var enumerator = source.GetAsyncEnumerator(ct);
        for (var i = 0; i < count && await enumerator.MoveNextAsync(); i++)
        {
        }

        if (dispose)
        {
            await enumerator.DisposeAsync();
        }
    }

    [Fact]
    public void BeEnumeratedOnce_NamedProbeInANamedAssertionScope_AddsTheProbesName()
    {
        var orders = Of(1, 2).Probe(new Timeline(), "orders");

        var message = FailureOf(() =>
        {
            using var scope = new AssertionScope("feeds");
            orders.Should().BeEnumeratedOnce();
        });

        Assert.Equal(
            Lines(
                "Expected feeds (\"orders\") to be enumerated once, but it was never enumerated.",
                "Timeline (real time): no events",
                string.Empty),
            message);
    }

    [Fact]
    public async Task BeDisposedAfter_ConsumerBreaksAfterTwo_Passes()
    {
        var clock = new VirtualClock();
        var orders = Every100Ms(clock, 1, 2, 3).Probe(new Timeline(clock), "orders");

        await VirtualTime.RunAsync(clock, async _ =>
        {
            await foreach (var order in orders)
            {
                if (order == 2)
                {
                    break;
                }
            }
        });

        orders.Should().BeDisposedAfter(2).And.BeEnumeratedOnce().And.HaveNoProtocolViolations();
    }

    [Fact]
    public async Task BeDisposed_ConsumerForgotDispose_FailsInAsyncTerms()
    {
        var orders = Of(1, 2, 3).Probe(new Timeline(new VirtualClock()), "orders");

        await TakeAsync(orders, 2, dispose: false);

        var message = FailureOf(() => orders.Should().BeDisposed());
        Assert.Equal(
            Lines(
                "Expected orders to be disposed, but enumeration #1 was never disposed: the consumer stopped after 2 items without DisposeAsync.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: none",
                "  00:00.000  #1 MoveNextAsync -> 1",
                "  00:00.000  #1 MoveNextAsync -> 2      <- no DisposeAsync after this"),
            message);
    }

    [Fact]
    public async Task BeDisposedAfter_WrongCount_Fails()
    {
        var orders = Of(1, 2, 3).Probe(new Timeline(new VirtualClock()), "orders");

        await TakeAsync(orders, 1);

        var message = FailureOf(() => orders.Should().BeDisposedAfter(2, "the page holds {0} rows", 2));
        Assert.StartsWith(
            "Expected orders to be disposed after 2 items because the page holds 2 rows, but it was disposed after 1 item.",
            message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeEnumeratedOnce_TwoEnumerations_FailsAtTheSecond()
    {
        var orders = Of(1).Probe(new Timeline(new VirtualClock()), "orders");

        await TakeAsync(orders, 1);
        await TakeAsync(orders, 1);

        var message = FailureOf(() => orders.Should().BeEnumeratedOnce());
        Assert.Equal(
            Lines(
                "Expected orders to be enumerated once, but it was enumerated 2 times.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: none",
                "  00:00.000  #1 MoveNextAsync -> 1",
                "  00:00.000  #1 DisposeAsync",
                "  00:00.000  #2 GetAsyncEnumerator  token: none      <- one too many",
                "  00:00.000  #2 MoveNextAsync -> 1",
                "  00:00.000  #2 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task HaveReceivedCancellableToken_NoneToken_Fails()
    {
        var orders = Of(1).Probe(new Timeline(new VirtualClock()), "orders");
        using var cts = new CancellationTokenSource();

        await TakeAsync(orders, 1);

        var message = FailureOf(() => orders.Should().HaveReceivedCancellableToken());
        Assert.StartsWith(
            "Expected orders to receive a cancellable token, but enumeration #1 got a token that cannot be cancelled: pass the consumer's token (WithCancellation(ct), or [EnumeratorCancellation] in an iterator that wraps it).",
            message,
            StringComparison.Ordinal);
        await TakeAsync(orders, 1, ct: cts.Token);
    }

    [Fact]
    public async Task HaveReceivedCancellableToken_ConsumerPassesToken_Passes()
    {
        var orders = Of(1).Probe(new Timeline(new VirtualClock()), "orders");
        using var cts = new CancellationTokenSource();

        await TakeAsync(orders, 1, ct: cts.Token);

        orders.Should().HaveReceivedCancellableToken();
    }

    [Fact]
    public async Task HaveNoProtocolViolations_DoubleDispose_Fails()
    {
        var orders = Of(1).Probe(new Timeline(new VirtualClock()), "orders");
        orders.ThrowOnMisuse = false;
        var enumerator = orders.GetAsyncEnumerator();
        await enumerator.DisposeAsync();
        await enumerator.DisposeAsync();

        var message = FailureOf(() => orders.Should().HaveNoProtocolViolations());

        // The violation's own text ends the sentence: one period, not two.
        Assert.Equal(
            Lines(
                "Expected orders to be used without protocol violations, but 1 violation was recorded, the first in enumeration #1 at 00:00.000: " +
                "DisposeAsync was called again on enumeration #1 of probe \"orders\" (first called at 00:00.000). .NET allows this, but it often means two owners dispose the same enumerator.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: none",
                "  00:00.000  #1 DisposeAsync",
                "  00:00.000  #1 VIOLATION           DisposeAsync was called again on enumeration #1 of probe \"orders\" (first called at 00:00.000). …      <- DoubleDispose"),
            message);
    }

    [Fact]
    public async Task HaveNoProtocolViolations_CurrentAfterCompletion_Fails()
    {
        var orders = Of(1).Probe(new Timeline(new VirtualClock()), "orders");
        orders.ThrowOnMisuse = false;
        await using (var enumerator = orders.GetAsyncEnumerator())
        {
            while (await enumerator.MoveNextAsync())
            {
            }

            _ = enumerator.Current;
        }

        var message = FailureOf(() => orders.Should().HaveNoProtocolViolations());

        Assert.Equal(
            Lines(
                "Expected orders to be used without protocol violations, but 1 violation was recorded, the first in enumeration #1 at 00:00.000: " +
                "Current was read on enumeration #1 of probe \"orders\" after MoveNextAsync returned false (at 00:00.000). Read Current only after a MoveNextAsync that returned true, before disposing.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: none",
                "  00:00.000  #1 MoveNextAsync -> 1",
                "  00:00.000  #1 MoveNextAsync -> completed",
                "  00:00.000  #1 VIOLATION           Current was read on enumeration #1 of probe \"orders\" after MoveNextAsync returned false (at 00:00.000). …      <- CurrentAfterCompletion",
                "  00:00.000  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task HaveYieldedAt_VirtualTimes_PassesAndFails()
    {
        var clock = new VirtualClock();
        var ticks = Every100Ms(clock, 1, 2).Probe(new Timeline(clock), "ticks");
        await ticks.Should().Enumerating.YieldInOrder(1, 2);

        ticks.Should().HaveYieldedAt(2, TimeSpan.FromMilliseconds(100));
        var message = FailureOf(() => ticks.Should().HaveYieldedAt(2, TimeSpan.FromMilliseconds(200)));

        Assert.Equal(
            Lines(
                "Expected ticks to yield 2 at 00:00.200, but it came at 00:00.100.",
                "Timeline (virtual time):",
                "  00:00.000  #1 GetAsyncEnumerator  token: cancellable",
                "  00:00.000  #1 MoveNextAsync -> 1",
                "  00:00.100  #1 MoveNextAsync -> 2      <- expected at 00:00.200",
                "  00:00.100  #1 MoveNextAsync -> completed",
                "  00:00.100  #1 DisposeAsync"),
            message);
    }

    [Fact]
    public async Task MatchMarbles_ProbeOfFake_PassesAndShowsBothDiagrams()
    {
        var clock = new VirtualClock();
        var frame = TimeSpan.FromMilliseconds(10);
        var fake = FakeSequence.FromMarbles(clock, "-a-b-|", frame: frame).Probe(new Timeline(clock), "letters");
        await fake.Should().Enumerating.Complete();

        fake.Should().MatchMarbles("-a-b-|", frame);
        var message = FailureOf(() => fake.Should().MatchMarbles("-a--b|", frame));

        Assert.StartsWith(
            Lines(
                "Expected fake to match the marbles \"-a--b|\", but it produced \"-a-b-|\", which differs from frame 3 (00:00.030) on:",
                "  expected: -a--b|",
                "  actual:   -a-b-|",
                "               ^",
                "Timeline (virtual time):"),
            message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Should_OnProbe_PicksProbeAssertions()
    {
        var probe = Of(1).Probe();

        var assertions = probe.Should();

        Assert.IsType<ProbeAssertions<int>>(assertions);
    }

    [Fact]
    public async Task BeDisposed_InsideAssertionScope_CollectsBothFailures()
    {
        var timeline = new Timeline(new VirtualClock());
        var first = Of(1).Probe(timeline, "first");
        var second = Of(2).Probe(timeline, "second");
        await TakeAsync(first, 1, dispose: false);

        var message = FailureOf(() =>
        {
            using var scope = new AssertionScope();
            first.Should().BeDisposed();
            second.Should().BeEnumeratedOnce();
        });

        Assert.Contains("Expected first to be disposed, but enumeration #1 was never disposed: the consumer stopped after 1 item without DisposeAsync.", message, StringComparison.Ordinal);
        Assert.Contains("Expected second to be enumerated once, but it was never enumerated.", message, StringComparison.Ordinal);
    }
}
