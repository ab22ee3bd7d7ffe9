namespace AsyncEnumTesting;

/// <summary>Hands each enumeration the next of several sequences, and the last one from then on.</summary>
internal sealed class EnumerationTurns<T>(IAsyncEnumerable<T>[] sequences) : IAsyncEnumerable<T>
{
    private int _enumerations;

    /// <summary>Gets the sequences, the first enumeration's first.</summary>
    public IReadOnlyList<IAsyncEnumerable<T>> Sequences => sequences;

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var turn = Interlocked.Increment(ref _enumerations) - 1;
        return sequences[Math.Min(turn, sequences.Length - 1)].GetAsyncEnumerator(cancellationToken);
    }
}
