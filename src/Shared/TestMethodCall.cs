using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace AsyncEnumTesting.Integration;

/// <summary>Checks a virtual-time test method's signature and calls it with the run's clock in its <see cref="VirtualClock"/> slot.</summary>
/// <remarks>Compiled into each test-framework package (a linked source file); uses the core's public API only.</remarks>
internal static class TestMethodCall
{
    /// <summary>Says what is wrong with the method for a virtual-time run, or returns <see langword="null"/>.</summary>
    /// <param name="method">The test method.</param>
    /// <param name="attribute">The attribute's name as the user writes it, for example <c>[VirtualTimeTest]</c>.</param>
    /// <param name="dataParameters">Whether the framework supplies other parameters (a theory or test cases).</param>
    public static string? SignatureError(MethodInfo method, string attribute, bool dataParameters)
    {
        var parameters = method.GetParameters();
        var clocks = parameters.Count(p => p.ParameterType == typeof(VirtualClock));
        var name = $"{attribute} on {method.DeclaringType?.Name}.{method.Name}";
        if (WiderClockParameter(parameters) is { } wider)
        {
            return $"{name}: {wider}";
        }
        if (clocks > 1 || (clocks == 1 && parameters[^1].ParameterType != typeof(VirtualClock)))
        {
            return $"{name}: the method may take one VirtualClock parameter, as its last parameter.";
        }

        if (!dataParameters && parameters.Length > clocks)
        {
            return $"{name}: the method may take one VirtualClock parameter and nothing else. Create fakes and probes inside the test with that clock.";
        }

        if (method.ReturnType == typeof(void) && method.IsDefined(typeof(AsyncStateMachineAttribute), inherit: false))
        {
            return $"{name}: the method is async void, so the run cannot await it. Return Task instead.";
        }

        return null;
    }

    /// <summary>Says to declare a <see cref="VirtualClock"/> when a parameter is a wider type it would fit (a <see cref="TimeProvider"/>, say), or nothing.</summary>
    /// <remarks>A TimeProvider parameter reads as the obvious way to ask for the clock (a user trial wrote one); say which type the run passes.</remarks>
    public static string? WiderClockParameter(ParameterInfo[] parameters) =>
        parameters.FirstOrDefault(p => p.ParameterType != typeof(VirtualClock) && p.ParameterType.IsAssignableFrom(typeof(VirtualClock))) is { } wider
            ? $"the parameter {wider.Name} is a {wider.ParameterType.Name}: declare it as VirtualClock, the clock the run passes (it is a TimeProvider)."
            : null;

    /// <summary>Returns the framework's arguments with the clock in the method's last parameter when it takes one: appended, or in
    /// place of the default (<see langword="null"/>) a theory's optional <c>VirtualClock clock = null!</c> got from the framework.</summary>
    public static object?[] WithClock(MethodInfo method, object?[]? arguments, VirtualClock clock)
    {
        arguments ??= [];
        var parameters = method.GetParameters();
        if (parameters.Length == 0 || parameters[^1].ParameterType != typeof(VirtualClock))
        {
            return arguments;
        }

        if (parameters.Length == arguments.Length + 1)
        {
            return [.. arguments, clock];
        }

        if (parameters.Length == arguments.Length && (arguments[^1] is null || arguments[^1] == Type.Missing))
        {
            return [.. arguments[..^1], clock];
        }

        return arguments;
    }

    /// <summary>Invokes the method and returns what to await: its task, value task, or a completed task.</summary>
    public static Task Invoke(MethodInfo method, object? instance, object?[] arguments)
    {
        object? result;
        try
        {
            result = method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }

        return result switch
        {
            Task task => task,
            ValueTask valueTask => valueTask.AsTask(),
            _ => Task.CompletedTask,
        };
    }
}
