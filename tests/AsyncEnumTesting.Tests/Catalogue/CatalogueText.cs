using System.Text.RegularExpressions;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>Normalises the only nondeterministic part of the kit's messages the catalogue asserts: real seconds spent.</summary>
internal static partial class CatalogueText
{
    /// <summary>Replaces the number in "real time spent 0.213 s" with <c>&lt;real&gt;</c>; everything else stays word for word.</summary>
    public static string WithoutRealSeconds(string message) => RealSpent().Replace(message, "real time spent <real> s");

    [GeneratedRegex(@"real time spent \d+(\.\d+)? s")]
    private static partial Regex RealSpent();
}
