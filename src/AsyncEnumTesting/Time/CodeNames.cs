using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace AsyncEnumTesting;

/// <summary>Names the test's or the production code's method behind a continuation or a timer, for the report of a
/// failing schedule: <c>CheckThenActCache.BuggyCache.LoadAsync</c>.</summary>
internal static partial class CodeNames
{
    private static readonly Assembly s_kit = typeof(CodeNames).Assembly;

    /// <summary>Names the async method whose state machine is <paramref name="type"/>, or <see langword="null"/> when it is none.</summary>
    public static string? OfStateMachine(Type? type)
    {
        // A lambda's or a local function's captures live in a compiler-made class (Type+<>c__DisplayClass0_0): not a name to show.
        var match = type?.FullName is { } name ? StateMachine().Match(Closure().Replace(name, string.Empty)) : null;
        if (match is not { Success: true })
        {
            return null;
        }

        // Namespace off, nesting kept: CheckThenActCache.BuggyCache.LoadAsync; a local function as Outer.LoadAsync.Fetch.
        var nested = match.Groups["type"].Value.Split('+');
        nested[0] = nested[0][(nested[0].LastIndexOf('.') + 1)..];
        var method = match.Groups["local"].Success ? match.Groups["method"].Value + "." + match.Groups["local"].Value : match.Groups["method"].Value;
        return string.Join('.', nested) + "." + method;
    }

    /// <summary>Names the first method on the calling thread's stack that is neither the kit's nor the runtime's: the code
    /// that created a timer. Walks the stack, so it is called only while a schedule is explored or replayed.</summary>
    public static string? Caller()
    {
        foreach (var frame in new StackTrace(2, false).GetFrames())
        {
            if (frame.GetMethod() is not { DeclaringType: { } type } method || type.Assembly == s_kit || IsRuntime(type.Assembly))
            {
                continue;
            }

            return OfStateMachine(type) ?? type.Name + "." + method.Name;
        }

        return null;
    }

    private static bool IsRuntime(Assembly assembly) =>
        assembly.GetName().Name is { } name && (name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal));

    [GeneratedRegex(@"\+<>c(__DisplayClass[\d_]+)?(?=\+)")]
    private static partial Regex Closure();

    // An async method's state machine is Type+<Method>d__N; a local function's, Type+<<Method>g__Local|M_N>d (no __N suffix).
    [GeneratedRegex(@"(?<type>[\w.+`]+)\+(?:<<(?<method>[^>]+)>g__(?<local>[^|]+)\|[\d_]+>d|<(?<method>[^>]+)>d__\d+)")]
    private static partial Regex StateMachine();
}
