namespace AsyncEnumTesting;

/// <summary>Names what one step of a script does.</summary>
internal enum ScriptStepKind
{
    /// <summary>Yields <see cref="ScriptStep{T}.Item"/>.</summary>
    Item,

    /// <summary>Waits <see cref="ScriptStep{T}.Time"/> of virtual time from now.</summary>
    Wait,

    /// <summary>Waits until <see cref="ScriptStep{T}.Time"/> after the script's origin (marbles: an absolute frame).</summary>
    WaitUntil,

    /// <summary>Throws <see cref="ScriptStep{T}.Error"/>.</summary>
    Fail,

    /// <summary>Completes.</summary>
    Complete,

    /// <summary>Waits until the token is cancelled.</summary>
    HangUntilCanceled,

    /// <summary>Waits forever, whatever the token says.</summary>
    HangIgnoringCancellation,

    /// <summary>Yields <see cref="ScriptStep{T}.Generator"/>(0), (1), ... forever, <see cref="ScriptStep{T}.Time"/> apart.</summary>
    Generate,
}

/// <summary>Describes one step of a scripted sequence.</summary>
internal readonly record struct ScriptStep<T>(ScriptStepKind Kind, T Item = default!, TimeSpan Time = default, Exception? Error = null, Func<int, T>? Generator = null)
{
    /// <summary>Gets a value indicating whether nothing can follow this step.</summary>
    public bool IsTerminal => Kind is ScriptStepKind.Fail or ScriptStepKind.Complete or ScriptStepKind.HangUntilCanceled
        or ScriptStepKind.HangIgnoringCancellation or ScriptStepKind.Generate;

    /// <summary>Returns the step as the builder call that made it, for messages.</summary>
    public override string ToString() => Kind switch
    {
        ScriptStepKind.Item => $"Yield({Item})",
        ScriptStepKind.Wait => $"Wait({TimeFormat.Elapsed(Time)})",
        ScriptStepKind.WaitUntil => $"WaitUntil({TimeFormat.Elapsed(Time)})",
        ScriptStepKind.Fail => $"Fail({Error!.GetType().Name})",
        ScriptStepKind.Generate => $"Generate(every {TimeFormat.Elapsed(Time)})",
        _ => $"{Kind}()",
    };
}
