namespace AsyncEnumTesting;

/// <summary>Opens step-wise readers on async sequences.</summary>
public static class AsyncSequenceReaderExtensions
{
    /// <summary>Starts enumerating <paramref name="source"/> and returns a reader that takes its events one step at a time.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="source">The sequence under test.</param>
    /// <param name="clock">The virtual clock the source runs on; when <see langword="null"/>, the clock of the kit's fake or
    /// probe the source is (<see cref="FakeSequence.ClockOf{T}"/>), else real time.</param>
    /// <param name="options">Timeouts, strictness and timeline; <see cref="AsyncSequenceReaderOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The reader; dispose it (<c>await using</c>) at the end of the test.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A timeout in <paramref name="options"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The name in <paramref name="options"/> is empty; or <paramref name="source"/> is a fake
    /// (or a probe over one) created with another <see cref="VirtualClock"/> than <paramref name="clock"/>: pass the fake's clock.</exception>
    /// <remarks>
    /// The reader calls <c>GetAsyncEnumerator</c> and the first <c>MoveNextAsync</c> at once, on the calling thread, and
    /// keeps one <c>MoveNextAsync</c> running whenever the test has consumed every event it has seen. With a
    /// <paramref name="clock"/>, it wraps the calling method's synchronization context as the clock's constructor does
    /// (see <see cref="VirtualClock"/>, "The synchronization context").
    /// </remarks>
    /// <example>
    /// <code>
    /// await using var reader = source.OpenReader(clock);
    /// Assert.Equal(1, await reader.AwaitItemAsync());
    /// await reader.AwaitNoEventsWithinAsync(TimeSpan.FromSeconds(5));
    /// Assert.Equal(2, await reader.AwaitItemAsync());
    /// await reader.AwaitCompletionAsync();
    /// </code>
    /// </example>
    public static AsyncSequenceReader<T> OpenReader<T>(this IAsyncEnumerable<T> source, VirtualClock? clock = null, AsyncSequenceReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        FakeSequence.ThrowIfOnOtherClock(source, clock);
        clock ??= FakeSequence.ClockOf(source);
        options ??= AsyncSequenceReaderOptions.Default;
        options.Validate();
        return new AsyncSequenceReader<T>(source, clock, options);
    }
}
