using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>A tokenizer that streams the digits of a comma-separated line as they arrive.</summary>
internal static class Digits
{
    /// <summary>Bug: forgets to skip the separator, so ',' reaches the consumer as a digit.</summary>
    public static async IAsyncEnumerable<char> BuggyAsync(IAsyncEnumerable<char> line, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var c in line.WithCancellation(ct))
        {
            yield return c;
        }
    }

    /// <summary>Twin: yields digits only.</summary>
    public static async IAsyncEnumerable<char> TwinAsync(IAsyncEnumerable<char> line, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var c in line.WithCancellation(ct))
        {
            if (c != ',')
            {
                yield return c;
            }
        }
    }
}

public sealed class SeparatorLeakTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "wrong item (a separator leaks through)",
        """
        await foreach (var c in line.WithCancellation(ct))
            yield return c;                                  // no `if (c != ',')`
        await Digits(line).Should(clock).YieldInOrder('1', '5');
        """,
        """
        Expected digits to yield {'1', '5'} in order, but item [1] was ','.
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator  token: cancellable
          00:00.010  #1 MoveNextAsync -> '1'
          00:00.020  #1 MoveNextAsync -> ','      <- differs from '5'
          00:00.020  #1 DisposeAsync
        """);

    [Fact]
    public async Task Twin_TwoDigits_Passes()
    {
        var clock = new VirtualClock();

        await Digits.TwinAsync(Line(clock)).Should(clock, "digits").YieldInOrder('1', '5');
    }

    [Fact]
    public async Task Bug_TwoDigits_FailsNamingTheCause()
    {
        var clock = new VirtualClock();

        var message = await CatalogueFailure.Of(() => Digits.BuggyAsync(Line(clock)).Should(clock, "digits").YieldInOrder('1', '5'));

        Assert.Equal(Gallery.Message.ReplaceLineEndings(), message);
    }

    private static ScriptedSequence<char> Line(VirtualClock clock)
    {
        var tick = TimeSpan.FromMilliseconds(10);
        return FakeSequence.Script<char>(clock).Wait(tick).Yield('1').Wait(tick).Yield(',').Wait(tick).Yield('5').Complete();
    }
}
