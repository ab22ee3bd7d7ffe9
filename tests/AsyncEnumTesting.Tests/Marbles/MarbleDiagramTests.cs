namespace AsyncEnumTesting.Tests.Marbles;

/// <summary>Tests <see cref="FakeSequence.FromMarbles(VirtualClock?, string, Exception?, TimeSpan?, string?, Timeline?)"/> and its overloads.</summary>
public sealed partial class MarbleDiagramTests
{
    private static readonly string NL = Environment.NewLine;

    [Theory]
    [InlineData("-a-b|", "a@10 b@30 |@40")]
    [InlineData("ab|", "a@0 b@10 |@20")]
    [InlineData("--(ab)-c|", "a@20 b@20 c@40 |@50")]
    [InlineData("-a 100ms b|", "a@10 b@120 |@130")]
    [InlineData("a 1s b 1.5s c 1m|", "a@0 b@1010 c@2520 |@62530")]
    [InlineData("  a  -  b  |  ", "a@0 b@20 |@30")]
    [InlineData("(a|)", "a@0 |@0")]
    [InlineData("-12|", "1@10 2@20 |@30")]
    [InlineData("|", "|@0")]
    public async Task FromMarbles_Cold_YieldsAtFrameTimes(string diagram, string expected)
    {
        var actual = await Record(clock => FakeSequence.FromMarbles(clock, diagram));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task FromMarbles_Error_ThrowsGivenExceptionAtItsFrame()
    {
        var error = new InvalidOperationException("boom");

        var actual = await Record(clock => FakeSequence.FromMarbles(clock, "-a--#", error));

        Assert.Equal("a@10 #@40", actual);
    }

    [Fact]
    public async Task FromMarbles_CustomFrame_ScalesFrames()
    {
        var actual = await Record(clock => FakeSequence.FromMarbles(clock, "-a-b|", frame: TimeSpan.FromSeconds(1)));

        Assert.Equal("a@1000 b@3000 |@4000", actual);
    }

    [Fact]
    public async Task FromMarbles_Dictionary_MapsSymbols()
    {
        var values = new Dictionary<char, int> { ['a'] = 1, ['*'] = 42 };

        var items = await VirtualTime.RunAsync(clock => FakeSequence.FromMarbles(clock, "a-*|", values).ToListAsync().AsTask());

        Assert.Equal([1, 42], items);
    }

    [Fact]
    public async Task FromMarbles_Selector_MapsLettersAndDigits()
    {
        var items = await FakeSequence.FromMarbles(null, "(1a2|)", c => c.ToString().ToUpperInvariant()).ToListAsync();

        Assert.Equal(["1", "A", "2"], items);
    }

    [Fact]
    public async Task FromMarbles_NoTerminal_HangsUntilCanceled()
    {
        var (items, at) = await VirtualTime.RunAsync(async clock =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1), clock);
            var seen = new List<char>();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (var item in FakeSequence.FromMarbles(clock, "-a-b").WithCancellation(cts.Token))
                {
                    seen.Add(item);
                }
            });
            return (seen, clock.Elapsed);
        });

        Assert.Equal(['a', 'b'], items);
        Assert.Equal(TimeSpan.FromSeconds(1), at);
    }

    [Fact]
    public async Task FromMarbles_TwoEnumerationsStartedApart_EachPlaysFromItsStart()
    {
        var stamps = await VirtualTime.RunAsync(async clock =>
        {
            var source = FakeSequence.FromMarbles(clock, "-a|");
            var first = Stamp(source, clock);
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock);
            var second = Stamp(source, clock);
            return (await first, await second);
        });

        Assert.Equal(("a@10 |@20", "a@110 |@120"), stamps);
    }

    [Fact]
    public async Task FromMarbles_Hot_SubscriberAtCaretMissesEarlierEvents()
    {
        var actual = await Record(clock => FakeSequence.FromMarbles(clock, "-a-^-b-c|"));

        Assert.Equal("b@10 c@30 |@40", actual);
    }

    [Fact]
    public async Task FromMarbles_HotLateSubscriber_MissesItemsBeforeItJoined()
    {
        var stamps = await VirtualTime.RunAsync(async clock =>
        {
            var source = FakeSequence.FromMarbles(clock, "^-a-b-c|");
            await Task.Delay(TimeSpan.FromMilliseconds(30), clock);
            return await Stamp(source, clock);
        });

        Assert.Equal("b@30 c@50 |@60", stamps);
    }

    [Fact]
    public async Task FromMarbles_HotSlowConsumer_BuffersItemsDueWhileBusy()
    {
        var stamps = await VirtualTime.RunAsync(async clock =>
        {
            var seen = new List<string>();
            await foreach (var item in FakeSequence.FromMarbles(clock, "^a-b-c|"))
            {
                seen.Add($"{item}@{clock.Elapsed.TotalMilliseconds}");
                await Task.Delay(TimeSpan.FromMilliseconds(35), clock);
            }

            return string.Join(" ", seen);
        });

        Assert.Equal("a@0 b@35 c@70", stamps);
    }

    [Fact]
    public async Task FromMarbles_HotSubscriberAfterCompletion_CompletesAtOnce()
    {
        var stamps = await VirtualTime.RunAsync(async clock =>
        {
            var source = FakeSequence.FromMarbles(clock, "^-a|");
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            return await Stamp(source, clock);
        });

        Assert.Equal("|@1000", stamps);
    }

    [Fact]
    public async Task FromMarbles_HotEventsOnlyBeforeCaret_NeedNoClockAndAreMissed()
    {
        var items = await FakeSequence.FromMarbles(null, "ab^(c|)").ToListAsync();

        Assert.Equal(['c'], items);
    }

    [Fact]
    public void FromMarbles_TimedDiagramWithoutClock_ThrowsSayingToPassClock()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => FakeSequence.FromMarbles(null, "-a|"));

        Assert.Equal("clock", ex.ParamName);
        Assert.Equal(
            "The marble diagram \"-a|\" spans 00:00.020 of virtual time, so it needs a VirtualClock: pass one as clock. Fakes never wait on real time. (Parameter 'clock')",
            ex.Message);
    }

    [Fact]
    public void FromMarbles_ZeroFrame_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FakeSequence.FromMarbles(new VirtualClock(), "a|", frame: TimeSpan.Zero));
    }

    [Theory]
    [InlineData("-a-(bc-|", 4, "unbalanced group, '(' has no matching ')'")]
    [InlineData("-a-b)|", 5, "unbalanced group, ')' has no matching '('")]
    [InlineData("-(a(b))|", 4, "nested group, a group cannot contain '('")]
    [InlineData("-a-()|", 4, "empty group, '()' holds no event")]
    [InlineData("-a-*|", 4, "unknown symbol '*', items are letters or digits: draw time with '-', or map other symbols with a dictionary of values")]
    [InlineData("-a|b", 4, "'b' after completion '|', nothing can follow the end of a sequence")]
    [InlineData("-a|-", 4, "'-' after completion '|', nothing can follow the end of a sequence")]
    [InlineData("(a|b)", 4, "'b' after completion '|', nothing can follow the end of a sequence")]
    [InlineData("-^-^-a|", 4, "second subscription point '^', a diagram has at most one")]
    [InlineData("-a 100h b|", 4, "time progression '100h' has unknown unit 'h', use ms, s or m")]
    [InlineData("-a 1.2.3s b|", 4, "time progression '1.2.3s' has no valid number")]
    [InlineData("(a-b)", 3, "frame '-' inside a group, a group is one frame: put frames outside it")]
    [InlineData("(a^b)", 3, "subscription point '^' inside a group")]
    [InlineData("(a 10ms b)", 4, "time progression inside a group, a group is one instant")]
    [InlineData("-a-#", 4, "error '#' but no exception was given, pass one as error")]
    [InlineData("-a 5 s b|", 4, "time progression '5 s' has a space between number and unit, write '5s'")]
    [InlineData("-a 250  ms b|", 4, "time progression '250  ms' has a space between number and unit, write '250ms'")]
    [InlineData("-a 10000000000m 10000000000m b|", 17, "the diagram's time passes TimeSpan.MaxValue here")]
    [InlineData("-a 99999999999999999999999s b|", 4, "time progression '99999999999999999999999s' is longer than TimeSpan.MaxValue")]
    [InlineData("", 1, "empty diagram, draw at least one event: '|' to complete, '#' to fail, or an item")]
    [InlineData("   ", 1, "empty diagram, draw at least one event: '|' to complete, '#' to fail, or an item")]
    public void FromMarbles_Malformed_ThrowsFormatExceptionWithCaret(string diagram, int position, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => FakeSequence.FromMarbles(new VirtualClock(), diagram));

        Assert.Equal(
            $"Invalid marble diagram at position {position}: {reason}.{NL}  {diagram}{NL}  {new string(' ', position - 1)}^",
            ex.Message);
    }

    [Fact]
    public void FromMarbles_UnbalancedGroup_MessageMatchesDocumentedExample()
    {
        var ex = Assert.Throws<FormatException>(() => FakeSequence.FromMarbles(new VirtualClock(), "-a-(bc-|"));

        Assert.Equal(
            """
            Invalid marble diagram at position 4: unbalanced group, '(' has no matching ')'.
              -a-(bc-|
                 ^
            """.ReplaceLineEndings(),
            ex.Message);
    }

    [Fact]
    public void FromMarbles_AfterError_ThrowsNamingTheError()
    {
        var ex = Assert.Throws<FormatException>(() => FakeSequence.FromMarbles(new VirtualClock(), "-#a", new InvalidOperationException()));

        Assert.Equal($"Invalid marble diagram at position 3: 'a' after error '#', nothing can follow the end of a sequence.{NL}  -#a{NL}    ^", ex.Message);
    }

    [Fact]
    public void FromMarbles_DictionaryWithoutSymbol_ThrowsUnknownSymbol()
    {
        var values = new Dictionary<char, int> { ['a'] = 1 };

        var ex = Assert.Throws<FormatException>(() => FakeSequence.FromMarbles(new VirtualClock(), "a-b|", values));

        Assert.Equal(
            $"Invalid marble diagram at position 3: unknown symbol 'b', it has no value in the values given: add it, or draw time with '-'.{NL}  a-b|{NL}    ^",
            ex.Message);
    }

    private static Task<string> Record(Func<VirtualClock, IAsyncEnumerable<char>> create) =>
        VirtualTime.RunAsync(clock => Stamp(create(clock), clock));

    private static async Task<string> Stamp(IAsyncEnumerable<char> source, VirtualClock clock)
    {
        var start = clock.Elapsed;
        var seen = new List<string>();
        try
        {
            await foreach (var item in source)
            {
                seen.Add($"{item}@{clock.Elapsed.TotalMilliseconds}");
            }

            seen.Add($"|@{clock.Elapsed.TotalMilliseconds}");
        }
        catch (InvalidOperationException)
        {
            seen.Add($"#@{clock.Elapsed.TotalMilliseconds}");
        }

        return string.Join(" ", seen);
    }
}
