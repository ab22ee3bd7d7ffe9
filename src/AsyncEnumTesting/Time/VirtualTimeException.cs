namespace AsyncEnumTesting;

/// <summary>Reports that a virtual-time run cannot go on: it hangs, ran past its budget, or left a failure unobserved.</summary>
/// <remarks>The message always names both clocks: the virtual time reached and the real time spent.</remarks>
public sealed class VirtualTimeException : Exception
{
    /// <summary>Initializes a new instance with no message; prefer the constructors that say what happened.</summary>
    public VirtualTimeException()
    {
    }

    /// <summary>Initializes a new instance with a diagnosis.</summary>
    /// <param name="message">What happened and what to do about it.</param>
    public VirtualTimeException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance for a late start (see <see cref="IsLateStart"/>).</summary>
    internal VirtualTimeException(string message, bool isLateStart)
        : base(message)
    {
        IsLateStart = isLateStart;
    }

    /// <summary>Gets a value indicating whether the run failed with a late start: work of the run that a thread-pool thread
    /// had taken before the clock moved started only after it moved, because the machine held that thread up.</summary>
    /// <remarks>The code under test is not at fault and a new run may pass; the framework attributes run such a test again
    /// (twice at most) on a new clock and say so in the test's output.</remarks>
    public bool IsLateStart { get; }

    /// <summary>Initializes a new instance with a diagnosis and the failure behind it.</summary>
    /// <param name="message">What happened and what to do about it.</param>
    /// <param name="innerException">The failure behind it.</param>
    public VirtualTimeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
