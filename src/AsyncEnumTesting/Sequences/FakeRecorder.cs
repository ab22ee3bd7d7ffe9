namespace AsyncEnumTesting;

/// <summary>Counts a fake's enumerations and disposals and records them on its timeline, if it has one.</summary>
internal sealed class FakeRecorder(string kind, string name, Timeline? timeline)
{
    private int _enumerations;
    private int _disposals;
    private int _active;

    /// <summary>Gets the fake's name, the source of its timeline events.</summary>
    public string Name { get; } = name;

    /// <summary>Gets how the fake presents itself in messages, for example <c>scripted sequence "orders"</c>.</summary>
    public string Title { get; } = $"{kind} \"{name}\"";

    public int Enumerations => Volatile.Read(ref _enumerations);

    public int Disposals => Volatile.Read(ref _disposals);

    public int ActiveEnumerations => Volatile.Read(ref _active);

    /// <summary>Counts and records a <c>GetAsyncEnumerator</c> call; returns the enumeration's number.</summary>
    public int Begin(CancellationToken token)
    {
        var number = Interlocked.Increment(ref _enumerations);
        Record(number, TimelineEventKind.GetAsyncEnumerator, token.CanBeCanceled);
        return number;
    }

    /// <summary>Marks an enumerator as live: it counts in <see cref="ActiveEnumerations"/> until its first disposal.</summary>
    public void Activate() => Interlocked.Increment(ref _active);

    /// <summary>Counts a <c>DisposeAsync</c> call; the first call of an enumerator also ends its activity.</summary>
    public void Dispose(bool first)
    {
        Interlocked.Increment(ref _disposals);
        if (first)
        {
            Interlocked.Decrement(ref _active);
        }
    }

    public void Record(int enumeration, TimelineEventKind kind, object? value = null) =>
        timeline?.Append(Name, enumeration, kind, value);
}
