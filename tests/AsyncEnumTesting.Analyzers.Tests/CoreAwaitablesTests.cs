using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncEnumTesting.Analyzers.Tests;

/// <summary>AET0001 against the real core assembly: the analyzer ships in the core package, so a user on plain asserts
/// (NUnit, MSTest, xunit) who drops a reader step, a clock advance or a run gets a build error too.</summary>
public sealed class CoreAwaitablesTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using AsyncEnumTesting;

        """;

    [Theory]
    [InlineData("public void Test(IAsyncEnumerable<int> source, VirtualClock clock) { var reader = source.OpenReader(clock); reader.AwaitItemAsync(); }")]
    [InlineData("public void Test(IAsyncEnumerable<int> source, VirtualClock clock) { var reader = source.OpenReader(clock); reader.AwaitCompletionAsync(); }")]
    [InlineData("public void Test(VirtualClock clock) { clock.AdvanceAsync(TimeSpan.FromSeconds(1)); }")]
    [InlineData("public void Test() { _ = VirtualTime.RunAsync(clock => Task.CompletedTask); }")]
    public void Analyzer_DroppedCoreAwaitable_ReportsAET0001(string member)
    {
        var diagnostics = Analyze(member);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("AET0001", diagnostic.Id);
    }

    [Theory]
    [InlineData("public async Task Test(IAsyncEnumerable<int> source, VirtualClock clock) { await using var reader = source.OpenReader(clock); await reader.AwaitItemAsync(); }")]
    [InlineData("public Task Test(VirtualClock clock) => clock.AdvanceAsync(TimeSpan.FromSeconds(1));")]
    [InlineData("public Task Test() => VirtualTime.RunAsync(clock => Task.CompletedTask);")]
    public void Analyzer_AwaitedOrReturnedCoreAwaitable_ReportsNothing(string member)
    {
        Assert.Empty(Analyze(member));
    }

    /// <summary>The platform's reference set plus the core assembly this test project was built with.</summary>
    private static readonly MetadataReference[] References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) == "netstandard.dll")
        .Append(typeof(VirtualClock).Assembly.Location)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();

    private static ImmutableArray<Diagnostic> Analyze(string member)
    {
        var test = Usings + "public sealed class Tests { " + member + " }";
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [CSharpSyntaxTree.ParseText(test)],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new DroppedAssertionAnalyzer());
        return compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }
}
