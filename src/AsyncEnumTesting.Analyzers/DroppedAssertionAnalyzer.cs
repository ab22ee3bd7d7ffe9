using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AsyncEnumTesting.Analyzers;

/// <summary>Reports an AsyncEnumTesting assertion whose task is dropped: the test would pass without checking anything.</summary>
/// <remarks>
/// The compiler's CS4014 warns only inside async methods, and only as a warning; a non-async test method that calls
/// <c>source.Should().YieldInOrder(1, 2)</c> without awaiting passes silently. This analyzer reports, as an error, every
/// invocation whose awaitable result is thrown away (an expression statement, or <c>_ = …</c>) when the method comes
/// from a namespace starting with <c>AsyncEnumTesting</c>, carries an attribute named <c>MustAwaitAttribute</c> (any
/// namespace, so other libraries can opt in by declaring one), or is chained onto such a call
/// (<c>source.Should().Throw&lt;X&gt;().WithMessage("…")</c>).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DroppedAssertionAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic id.</summary>
    public const string DiagnosticId = "AET0001";

    private const string MarkerAttributeName = "MustAwaitAttribute";

    private static readonly DiagnosticDescriptor Rule = new(
        DiagnosticId,
        title: "Await the assertion",
        messageFormat: "The assertion returns a Task that is never awaited: the test passes without checking anything. Await it.",
        category: "Usage",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "AsyncEnumTesting assertions enumerate the source when awaited. A dropped task checks nothing, and in a non-async method the compiler does not warn (CS4014 fires only in async methods).");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeStatement, OperationKind.ExpressionStatement);
    }

    private static void AnalyzeStatement(OperationAnalysisContext context)
    {
        var dropped = ((IExpressionStatementOperation)context.Operation).Operation;
        if (dropped is ISimpleAssignmentOperation { Target: IDiscardOperation } discard)
        {
            dropped = discard.Value;
        }

        while (dropped is IConversionOperation { IsImplicit: true } conversion)
        {
            dropped = conversion.Operand;
        }

        if (dropped is IInvocationOperation invocation && IsAwaitable(invocation.Type) && IsAssertion(invocation))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation()));
        }
    }

    /// <summary>Says whether the call comes from AsyncEnumTesting (or opted in), directly or through the call it is chained onto.</summary>
    private static bool IsAssertion(IInvocationOperation invocation)
    {
        for (var depth = 0; depth < 16; depth++)
        {
            var method = invocation.TargetMethod;
            if (IsOurs(method.ContainingType) || HasMarker(method) || HasMarker(method.ContainingType))
            {
                return true;
            }

            // Follow a chain of awaitables: FluentAssertions' WithMessage extends the Task our Throw returns.
            var receiver = invocation.Instance ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
            while (receiver is IConversionOperation conversion)
            {
                receiver = conversion.Operand;
            }

            if (receiver is not IInvocationOperation inner || !IsAwaitable(inner.Type))
            {
                return false;
            }

            invocation = inner;
        }

        return false;
    }

    private static bool IsOurs(INamedTypeSymbol? type)
    {
        for (var ns = type?.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (ns.ContainingNamespace is { IsGlobalNamespace: true })
            {
                return ns.Name == "AsyncEnumTesting";
            }
        }

        return false;
    }

    private static bool HasMarker(ISymbol? symbol) =>
        symbol is not null && symbol.GetAttributes().Any(a => a.AttributeClass?.Name == MarkerAttributeName);

    /// <summary>Says whether a value of <paramref name="type"/> can be awaited: it has a parameterless instance GetAwaiter.</summary>
    private static bool IsAwaitable(ITypeSymbol? type) =>
        type is not null && type.SpecialType == SpecialType.None &&
        type.GetMembers("GetAwaiter").OfType<IMethodSymbol>().Any(m => !m.IsStatic && m.Parameters.IsEmpty);
}
