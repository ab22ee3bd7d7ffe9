using System.Diagnostics;

namespace AsyncEnumTesting;

/// <summary>Describes one protocol rule a consumer broke on a probed sequence, and when.</summary>
[DebuggerDisplay("{Message}")]
public sealed class ProbeViolation
{
    internal ProbeViolation(ProbeViolationKind kind, int enumeration, TimeSpan time, string message)
    {
        Kind = kind;
        Enumeration = enumeration;
        Time = time;
        Message = message;
    }

    /// <summary>Gets which rule was broken.</summary>
    public ProbeViolationKind Kind { get; }

    /// <summary>Gets the number of the enumeration it happened on (1 for the first).</summary>
    public int Enumeration { get; }

    /// <summary>Gets when it happened on the probe's timeline.</summary>
    public TimeSpan Time { get; }

    /// <summary>Gets what went wrong and what to do instead, as recorded on the timeline.</summary>
    public string Message { get; }

    /// <summary>Returns <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}
