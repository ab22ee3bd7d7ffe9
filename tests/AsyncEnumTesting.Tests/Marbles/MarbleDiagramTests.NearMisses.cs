namespace AsyncEnumTesting.Tests.Marbles;

/// <content>Input that looks like a time progression or a failing diagram but is not one: refused, never played as items.</content>
public sealed partial class MarbleDiagramTests
{
    [Theory]
    [InlineData("-a- -1s b|", 5, "time progression '-1s' is negative, time only moves forward: write '1s', or '- 1s' for a frame then 1s")]
    [InlineData("-1s b|", 1, "time progression '-1s' is negative, time only moves forward: write '1s', or '- 1s' for a frame then 1s")]
    [InlineData("-a 10ms1s b|", 4, "time progression '10ms1s' has no space between its durations, write '1010ms' or '10ms 1s'")]
    [InlineData("-a 1m30s b|", 4, "time progression '1m30s' has no space between its durations, write '90s' or '1m 30s'")]
    [InlineData("a 1.5s10ms5s|", 3, "time progression '1.5s10ms5s' has no space between its durations, write '6510ms' or '1.5s 10ms 5s'")]
    [InlineData("-a 10ms1 b|", 4, "time progression '10ms' has no space after it, write '10ms 1'")]
    [InlineData("-a 10msb|", 4, "time progression '10msb' has unknown unit 'msb', use ms, s or m; if 'b' is an item, write '10ms b'")]
    [InlineData("-a 1min b|", 4, "time progression '1min' has unknown unit 'min', use ms, s or m")]
    [InlineData("-a 1S b|", 4, "time progression '1S' has unknown unit 'S', units are lowercase: write '1s'")]
    [InlineData("-a 2MS b|", 4, "time progression '2MS' has unknown unit 'MS', units are lowercase: write '2ms'")]
    [InlineData("-a-1s-b|", 4, "time progression '1s' has no space before it, write '- 1s', or '1(s)' if these are items")]
    [InlineData("--1s b|", 3, "time progression '1s' has no space before it, write '- 1s', or '1(s)' if these are items")]
    [InlineData("-ab10ms|", 4, "time progression '10ms' has no space before it, write 'b 10ms', or '10(m)s' if these are items")]
    [InlineData("(ab)2m|", 5, "time progression '2m' has no space before it, write ') 2m', or '2(m)' if these are items")]
    public void FromMarbles_TimeProgressionNearMiss_ThrowsSayingWhatToWrite(string diagram, int position, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => FakeSequence.FromMarbles(new VirtualClock(), diagram));

        Assert.Equal(
            $"Invalid marble diagram at position {position}: {reason}.{NL}  {diagram}{NL}  {new string(' ', position - 1)}^",
            ex.Message);
    }

    [Theory]
    [InlineData("-1(s)|", "1@10 s@20 |@30")]
    [InlineData("(1s)|", "1@0 s@0 |@10")]
    [InlineData("-a 1s-b|", "a@10 b@1030 |@1040")]
    [InlineData("a 1.5s (bc)|", "a@0 b@1510 c@1510 |@1520")]
    [InlineData("-12-3|", "1@10 2@20 3@40 |@50")]
    public async Task FromMarbles_CloseToANearMiss_PlaysAsDrawn(string diagram, string expected)
    {
        var actual = await Record(clock => FakeSequence.FromMarbles(clock, diagram));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("chars")]
    [InlineData("values")]
    [InlineData("selector")]
    public void FromMarbles_ErrorButNoHash_ThrowsSayingTheErrorWouldNeverBeThrown(string overload)
    {
        var clock = new VirtualClock();
        var error = new InvalidOperationException("boom");

        var ex = Assert.Throws<ArgumentException>(() => overload switch
        {
            "chars" => FakeSequence.FromMarbles(clock, "-a-b|", error),
            "values" => FakeSequence.FromMarbles(clock, "-a-b|", new Dictionary<char, char> { ['a'] = 'a', ['b'] = 'b' }, error),
            _ => FakeSequence.FromMarbles(clock, "-a-b|", c => c, error),
        });

        Assert.Equal("error", ex.ParamName);
        Assert.Equal(
            "The marble diagram \"-a-b|\" has no '#', so the error would never be thrown: draw '#' where the sequence should fail, or leave out the error. (Parameter 'error')",
            ex.Message);
    }
}
