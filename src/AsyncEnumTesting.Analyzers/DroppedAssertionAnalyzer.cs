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
/// (<c>source.Should().Throw&lt;X&gt;().WithMessage("…")</c>). Two indirect drops are reported too: an assertion task
/// stored in a local that is never read again (<c>var check = source.Should()…;</c>), and a delegate call whose result
/// is thrown away when the delegate is a lambda that returns an assertion task
/// (<c>Func&lt;Task&gt; check = () =&gt; source.Should()…; check();</c>).
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
        context.RegisterOperationAction(AnalyzeLocal, OperationKind.VariableDeclarator);
    }

    /// <summary>Reports an assertion task stored in a local that nothing reads: it is never awaited, returned or passed on.</summary>
    private static void AnalyzeLocal(OperationAnalysisContext context)
    {
        var declarator = (IVariableDeclaratorOperation)context.Operation;
        var value = Unwrap(declarator.GetVariableInitializer()?.Value);
        if (value is not IInvocationOperation invocation || !IsAwaitable(invocation.Type) || !IsAssertion(invocation))
        {
            return;
        }

        // Any read counts as handing the task on (await, return, Task.WhenAll, a field): only a local never read is surely dropped.
        var read = Root(declarator).Descendants().OfType<ILocalReferenceOperation>().Any(r => SymbolEqualityComparer.Default.Equals(r.Local, declarator.Symbol));
        if (!read)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation()));
        }
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

        if (dropped is IInvocationOperation invocation && IsAwaitable(invocation.Type) && (IsAssertion(invocation) || CallsAssertionLambda(invocation)))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation()));
        }
    }

    /// <summary>Says whether a dropped call invokes a local delegate whose lambda returns an assertion task.</summary>
    private static bool CallsAssertionLambda(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.MethodKind != MethodKind.DelegateInvoke || Unwrap(invocation.Instance) is not ILocalReferenceOperation local)
        {
            return false;
        }

        var lambda = Root(invocation).Descendants().OfType<IVariableDeclaratorOperation>()
            .Where(d => SymbolEqualityComparer.Default.Equals(d.Symbol, local.Local))
            .Select(d => Unwrap(d.GetVariableInitializer()?.Value))
            .OfType<IDelegateCreationOperation>()
            .Select(d => d.Target)
            .OfType<IAnonymousFunctionOperation>()
            .FirstOrDefault();
        return lambda is not null && lambda.Body.Descendants().OfType<IReturnOperation>()
            .Any(r => Unwrap(r.ReturnedValue) is IInvocationOperation returned && IsAwaitable(returned.Type) && IsAssertion(returned));
    }

    /// <summary>Finds the outermost operation of the member being analysed, which holds every use of its locals.</summary>
    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
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
