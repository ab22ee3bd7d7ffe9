using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>Bug: a quote type without value equality: two quotes with the same fields are not equal.</summary>
internal sealed class QuoteClass(string symbol, int price)
{
    public string Symbol { get; } = symbol;

    public int Price { get; } = price;
}

/// <summary>Twin: a record, equal when its fields are.</summary>
internal sealed record Quote(string Symbol, int Price);

/// <summary>A feed of quotes on a clock.</summary>
internal static class Quotes
{
    public static async IAsyncEnumerable<T> Of<T>(TimeProvider clock, T[] quotes, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var quote in quotes)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock, ct);
            yield return quote;
        }
    }

    /// <summary>Batches of readings; lists compare element by element by default.</summary>
    public static async IAsyncEnumerable<List<int>> Batches(TimeProvider clock, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), clock, ct);
        yield return [1, 2];
        await Task.Delay(TimeSpan.FromSeconds(1), clock, ct);
        yield return [3];
    }
}

public sealed class ValueEqualityMissingTests
{
    /// <summary>The bug's entry in docs/failures.md; its message is asserted word for word below.</summary>
    internal static readonly GalleryEntry Gallery = new(
        "items without value equality",
        """
        sealed class Quote(string symbol, int price)          // a class: Equals compares references
        {   public string Symbol { get; } = symbol; public int Price { get; } = price; }
        await quotes.Should(clock).YieldInOrder(new Quote("MSFT", 410));
        """,
        """
        Expected quotes to yield { AsyncEnumTesting.Tests.Catalogue.QuoteClass { Price = 410, Symbol = "MSFT" } } in order, but item [0] was AsyncEnumTesting.Tests.Catalogue.QuoteClass { Price = 410, Symbol = "MSFT" }, which renders like the expected item but is not equal to it: QuoteClass.Equals compares something the rendering does not show (a reference, a hidden field). Pass a comparer, YieldInOrder(expected, comparer), or give the type value equality (a record).
        Timeline (virtual time):
          00:00.000  #1 GetAsyncEnumerator  token: cancellable
          00:01.000  #1 MoveNextAsync -> AsyncEnumTesting.Tests.Catalogue.QuoteClass { Price = 410, Symbol = "MSFT" }      <- not equal to the expected AsyncEnumTesting.Tests.Catalogue.QuoteClass { Price = 410, Symbol = "MSFT" }, though it renders the same
          00:01.000  #1 DisposeAsync
        """);

    [Fact]
    public async Task Twin_RecordQuote_Passes()
    {
        var clock = new VirtualClock();

        await Quotes.Of(clock, [new Quote("MSFT", 410)]).Should(clock, "quotes").YieldInOrder(new Quote("MSFT", 410));
    }

    [Fact]
    public async Task Twin_ListItems_CompareElementByElement()
    {
        var clock = new VirtualClock();

        await Quotes.Batches(clock).Should(clock).YieldInOrder([1, 2], [3]);
    }

    [Fact]
    public async Task Bug_ClassQuote_FailsNamingTheCause()
    {
        var clock = new VirtualClock();

        var message = await CatalogueFailure.Of(() => Quotes.Of(clock, [new QuoteClass("MSFT", 410)]).Should(clock, "quotes").YieldInOrder(new QuoteClass("MSFT", 410)));

        Assert.Equal(Gallery.Message.ReplaceLineEndings(), message);
    }
}
