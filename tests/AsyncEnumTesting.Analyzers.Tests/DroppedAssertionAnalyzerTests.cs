using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncEnumTesting.Analyzers.Tests;

public sealed class DroppedAssertionAnalyzerTests
{
    /// <summary>A stand-in for the assertion package: same namespaces and shapes, no dependencies.</summary>
    private const string Library = """
        using System.Collections.Generic;
        using System.Threading.Tasks;

        namespace AsyncEnumTesting.FluentAssertions
        {
            public sealed class AsyncEnumerableAssertions<T>
            {
                public Task<AndConstraint> YieldInOrder(params T[] expected) => Task.FromResult(new AndConstraint());
                public ValueTask BeLazy() => default;
                public Task<ExceptionAssertions> Throw() => Task.FromResult(new ExceptionAssertions());
                public AsyncEnumerableAssertions<T> WithTimeLimit(int ms) => this;
            }

            public sealed class AndConstraint { }

            public sealed class ExceptionAssertions { }

            public static class AsyncEnumerableAssertionExtensions
            {
                public static AsyncEnumerableAssertions<T> Should<T>(this IAsyncEnumerable<T> source) => new();
            }
        }

        namespace FluentAssertions
        {
            public static class ExceptionAssertionsExtensions
            {
                public static Task<AsyncEnumTesting.FluentAssertions.ExceptionAssertions> WithMessage(
                    this Task<AsyncEnumTesting.FluentAssertions.ExceptionAssertions> task, string pattern) => task;
            }
        }

        namespace Other
        {
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class MustAwaitAttribute : System.Attribute { }

            public static class Library
            {
                public static Task Save() => Task.CompletedTask;

                [MustAwait]
                public static Task Verify() => Task.CompletedTask;
            }
        }
        """;

    private const string Usings = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using AsyncEnumTesting.FluentAssertions;
        using FluentAssertions;

        """;

    [Theory]
    [InlineData("public void Test(IAsyncEnumerable<int> source) { source.Should().YieldInOrder(1, 2); }")]
    [InlineData("public void Test(IAsyncEnumerable<int> source) { _ = source.Should().YieldInOrder(1, 2); }")]
    [InlineData("public async Task Test(IAsyncEnumerable<int> source) { await Task.Yield(); source.Should().YieldInOrder(1); }")]
    [InlineData("public void Test(IAsyncEnumerable<int> source) { source.Should().WithTimeLimit(5).BeLazy(); }")]
    [InlineData("public void Test(IAsyncEnumerable<int> source) { source.Should().Throw().WithMessage(\"boom*\"); }")]
    [InlineData("public void Test(IAsyncEnumerable<int> source) { System.Action check = () => source.Should().YieldInOrder(1); check(); }")]
    [InlineData("public void Test() { Other.Library.Verify(); }")]
    [InlineData("public void Test(IAsyncEnumerable<int> source) { var check = source.Should().YieldInOrder(1); }")]
    [InlineData("public async Task Test(IAsyncEnumerable<int> source) { var check = source.Should().Throw().WithMessage(\"boom*\"); await Task.Yield(); }")]
    [InlineData("public void Test(IAsyncEnumerable<int> source) { System.Func<Task> check = () => source.Should().YieldInOrder(1); check(); }")]
    [InlineData("public void Test(IAsyncEnumerable<int> source) { System.Func<Task> check = () => { return source.Should().YieldInOrder(1); }; _ = check(); }")]
    public void Analyzer_DroppedAssertionTask_ReportsAET0001(string member)
    {
        var diagnostics = Analyze(member);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("AET0001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(
            "The assertion returns a Task that is never awaited: the test passes without checking anything. Await it.",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("public async Task Test(IAsyncEnumerable<int> source) { await source.Should().YieldInOrder(1, 2); }")]
    [InlineData("public Task Test(IAsyncEnumerable<int> source) { return source.Should().YieldInOrder(1, 2); }")]
    [InlineData("public Task Test(IAsyncEnumerable<int> source) => source.Should().YieldInOrder(1, 2);")]
    [InlineData("public async Task Test(IAsyncEnumerable<int> source) { var check = source.Should().YieldInOrder(1); await check; }")]
    [InlineData("public async Task Test(IAsyncEnumerable<int> source) { await source.Should().Throw().WithMessage(\"boom*\"); }")]
    [InlineData("public void Test(IAsyncEnumerable<int> source) { source.Should().WithTimeLimit(5); }")]
    [InlineData("public void Test() { Other.Library.Save(); }")]
    [InlineData("public void Test(IAsyncEnumerable<int> source) { System.Func<Task> check = () => source.Should().YieldInOrder(1); }")]
    [InlineData("public Task Test(IAsyncEnumerable<int> source) { var check = source.Should().YieldInOrder(1); return check; }")]
    [InlineData("public Task Test(IAsyncEnumerable<int> source) { var check = source.Should().YieldInOrder(1); return Task.WhenAll(check); }")]
    [InlineData("public async Task Test(IAsyncEnumerable<int> source) { System.Func<Task> check = () => source.Should().YieldInOrder(1); await check(); }")]
    [InlineData("public void Test() { System.Func<Task> save = () => Other.Library.Save(); save(); }")]
    [InlineData("public void Test() { var save = Other.Library.Save(); }")]
    public void Analyzer_AwaitedReturnedOrNotAnAssertion_ReportsNothing(string member)
    {
        Assert.Empty(Analyze(member));
    }

    [Fact]
    public void SupportedDiagnostics_Rule_IsAnErrorEnabledByDefault()
    {
        var rule = Assert.Single(new DroppedAssertionAnalyzer().SupportedDiagnostics);

        Assert.Equal(DroppedAssertionAnalyzer.DiagnosticId, rule.Id);
        Assert.Equal(DiagnosticSeverity.Error, rule.DefaultSeverity);
        Assert.True(rule.IsEnabledByDefault);
    }

    /// <summary>The few framework assemblies the snippets need, loaded once: the whole platform would take seconds per test.</summary>
    private static readonly MetadataReference[] References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(path => Path.GetFileNameWithoutExtension(path) is "System.Private.CoreLib" or "System.Runtime" or "netstandard")
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();

    /// <summary>Compiles a test class holding <paramref name="member"/> and returns the analyzer's diagnostics.</summary>
    private static ImmutableArray<Diagnostic> Analyze(string member)
    {
        var test = Usings + "public sealed class Tests { " + member + " }";
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [CSharpSyntaxTree.ParseText(Library), CSharpSyntaxTree.ParseText(test)],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new DroppedAssertionAnalyzer());
        return compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }
}
