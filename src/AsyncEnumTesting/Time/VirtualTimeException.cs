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

    /// <summary>Initializes a new instance with a diagnosis and the failure behind it.</summary>
    /// <param name="message">What happened and what to do about it.</param>
    /// <param name="innerException">The failure behind it.</param>
    public VirtualTimeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
