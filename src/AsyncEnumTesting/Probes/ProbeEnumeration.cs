using System.Globalization;

namespace AsyncEnumTesting;

/// <summary>Describes one enumeration of a probed sequence, as it stood when the snapshot was taken.</summary>
/// <typeparam name="T">The type of the items.</typeparam>
public sealed class ProbeEnumeration<T>
{
    internal ProbeEnumeration(
        int number,
        bool tokenCanBeCanceled,
        TimeSpan startedAt,
        TimeSpan? tokenCanceledAt,
        IReadOnlyList<T> items,
        EnumerationOutcome outcome,
        TimeSpan? endedAt,
        Exception? exception,
        TimeSpan? disposedAt)
    {
        Number = number;
        TokenCanBeCanceled = tokenCanBeCanceled;
        StartedAt = startedAt;
        TokenCanceledAt = tokenCanceledAt;
        Items = items;
        Outcome = outcome;
        EndedAt = endedAt;
        Exception = exception;
        DisposedAt = disposedAt;
    }

    /// <summary>Gets which enumeration this is: 1 for the first <c>GetAsyncEnumerator</c> call on the probe.</summary>
    public int Number { get; }

    /// <summary>Gets whether the token passed to <c>GetAsyncEnumerator</c> could be cancelled (<see cref="CancellationToken.CanBeCanceled"/>); <see langword="false"/> for a default token.</summary>
    public bool TokenCanBeCanceled { get; }

    /// <summary>Gets when <c>GetAsyncEnumerator</c> was called.</summary>
    public TimeSpan StartedAt { get; }

    /// <summary>Gets when the token was cancelled, or <see langword="null"/> when it was not (before the enumerator was disposed).</summary>
    public TimeSpan? TokenCanceledAt { get; }

    /// <summary>Gets the items this enumeration yielded, in order.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>Gets how the enumeration ended, or <see cref="EnumerationOutcome.Running"/>.</summary>
    public EnumerationOutcome Outcome { get; }

    /// <summary>Gets when the sequence completed, faulted or was cancelled; <see langword="null"/> while running or when abandoned.</summary>
    public TimeSpan? EndedAt { get; }

    /// <summary>Gets the exception that faulted or cancelled the enumeration, if any.</summary>
    public Exception? Exception { get; }

    /// <summary>Gets whether <c>DisposeAsync</c> finished (also when it threw).</summary>
    public bool IsDisposed => DisposedAt is not null;

    /// <summary>Gets when <c>DisposeAsync</c> finished, or <see langword="null"/> when it did not.</summary>
    public TimeSpan? DisposedAt { get; }

    /// <summary>Describes the enumeration in one line.</summary>
    /// <returns>For example <c>#1: 3 items, Completed at 00:00.300, disposed at 00:00.300</c>.</returns>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"#{Number}: {Items.Count} item(s), {Outcome}");
        if (EndedAt is { } ended)
        {
            text += " at " + TimeFormat.Elapsed(ended);
        }

        return text + (DisposedAt is { } disposed ? ", disposed at " + TimeFormat.Elapsed(disposed) : ", not disposed");
    }
}
