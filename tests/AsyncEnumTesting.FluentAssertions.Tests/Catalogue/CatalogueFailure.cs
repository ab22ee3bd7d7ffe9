using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace AsyncEnumTesting.Tests.Catalogue;

/// <summary>Runs an assertion that must fail and returns its message, for the catalogue's word-for-word checks.</summary>
/// <remarks>With <c>AET_DUMP</c> set to a file, each message is appended to it, to review a changed message in full.</remarks>
internal static class CatalogueFailure
{
    public static async Task<string> Of(Func<Task> assertion, [CallerFilePath] string file = "") =>
        Dump(file, (await Assert.ThrowsAsync<XunitException>(assertion)).Message);

    public static string Of(Action assertion, [CallerFilePath] string file = "") => Dump(file, Assert.Throws<XunitException>(assertion).Message);

    private static string Dump(string file, string message)
    {
        if (Environment.GetEnvironmentVariable("AET_DUMP") is { } dump)
        {
            File.AppendAllText(dump, "=== " + Path.GetFileName(file) + "\n" + message + "\n");
        }

        return message;
    }
}
