using System.Runtime.ExceptionServices;

namespace AsyncEnumTesting;

/// <summary>Counts the exceptions thrown in a test's own async flow, for every reader opened in that flow.</summary>
/// <remarks>
/// One first-chance handler for the whole process, installed when the first reader opens and never removed: a reader
/// no longer adds (and must remember to remove) a handler of its own, and an exception costs one <see cref="AsyncLocal{T}"/>
/// read however many readers are open. Exceptions thrown outside any reader's flow, or while a reader runs the source's
/// code (its exceptions are stream events, not test failures), are not counted.
/// </remarks>
internal static class TestFlowWatch
{
    /// <summary>Marks the test's async flow; every reader opened in it shares the marker.</summary>
    private static readonly AsyncLocal<Flow?> Current = new();

    /// <summary>Set while a reader runs the source's code.</summary>
    private static readonly AsyncLocal<bool> InSource = new();

    private static int _installed;

    /// <summary>Gets or sets a value indicating whether the current async method runs the source's code.</summary>
    public static bool RunningSource
    {
        get => InSource.Value;
        set => InSource.Value = value;
    }

    /// <summary>Returns the current flow's marker, creating it (and the process's one handler) when needed.</summary>
    public static Flow Join()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0)
        {
            AppDomain.CurrentDomain.FirstChanceException += OnFirstChanceException;
        }

        return Current.Value ??= new Flow();
    }

    private static void OnFirstChanceException(object? sender, FirstChanceExceptionEventArgs e)
    {
        if (!InSource.Value && Current.Value is { } flow)
        {
            Interlocked.Increment(ref flow.Thrown);
        }
    }

    /// <summary>One test flow: how many exceptions the test's own code threw in it so far.</summary>
    internal sealed class Flow
    {
#pragma warning disable SA1401, CA1051 // A counter the handler increments in place.
        public int Thrown;
#pragma warning restore SA1401, CA1051
    }
}
