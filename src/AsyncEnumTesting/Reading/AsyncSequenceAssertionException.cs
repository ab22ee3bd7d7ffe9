namespace AsyncEnumTesting;

/// <summary>Reports that an async sequence did not do what a test expected; the message says what was expected, what came, and shows the timeline.</summary>
/// <remarks>
/// This is the core package's one assertion exception: the step-wise reader throws it, and so may other parts of the kit
/// that check a sequence without a test framework. Its message starts with <c>Expected …, but …</c>.
/// </remarks>
public sealed class AsyncSequenceAssertionException : Exception
{
    /// <summary>Initializes a new instance with no message; prefer the constructors that say what happened.</summary>
    public AsyncSequenceAssertionException()
    {
    }

    /// <summary>Initializes a new instance with a failure message.</summary>
    /// <param name="message">What was expected, what came instead, and the timeline.</param>
    public AsyncSequenceAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a failure message and the exception behind it.</summary>
    /// <param name="message">What was expected, what came instead, and the timeline.</param>
    /// <param name="innerException">The sequence's own exception, or the clock's diagnosis, when there is one.</param>
    public AsyncSequenceAssertionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
