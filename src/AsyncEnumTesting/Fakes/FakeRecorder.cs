namespace AsyncEnumTesting;

/// <summary>Counts a fake's enumerations and disposals, and records them on its timeline through a probe.</summary>
/// <remarks>
/// A fake with a timeline hands every consumer a <see cref="Probe{T}"/> over its own enumerators, so fakes and probes
/// record exactly the same events (and the probe's protocol checks apply to fakes too).
/// </remarks>
internal sealed class FakeRecorder
{
    private int _enumerations;
    private int _disposals;
    private int _active;

    /// <summary>Initializes the recorder and reserves the fake's name on <paramref name="timeline"/>.</summary>
    /// <exception cref="ArgumentException">Another probe or fake on <paramref name="timeline"/> has the name.</exception>
    public FakeRecorder(string kind, string? name, string defaultName, Timeline? timeline)
    {
        Timeline = timeline;
        var given = string.IsNullOrWhiteSpace(name) ? null : name;
        GivenName = given;
        Name = timeline?.ReserveProbeName(given, defaultName) ?? given ?? defaultName;
        Title = $"{kind} \"{Name}\"";
    }

    /// <summary>Gets the name the test gave the fake, or <see langword="null"/> when it has its default name.</summary>
    /// <remarks>Messages name a source by the name the test gave it; a default name ("scripted") would only distract.</remarks>
    public string? GivenName { get; }

    /// <summary>Gets the fake's name, the source of its timeline events.</summary>
    public string Name { get; }

    /// <summary>Gets how the fake presents itself in messages, for example <c>scripted sequence "orders"</c>.</summary>
    public string Title { get; }

    /// <summary>Gets the timeline the fake records on, if any.</summary>
    public Timeline? Timeline { get; }

    public int Enumerations => Volatile.Read(ref _enumerations);

    public int Disposals => Volatile.Read(ref _disposals);

    public int ActiveEnumerations => Volatile.Read(ref _active);

    /// <summary>Wraps the fake's own enumerators in a probe on the timeline; <see langword="null"/> without a timeline.</summary>
    public Probe<T>? CreateProbe<T>(Func<CancellationToken, IAsyncEnumerator<T>> create) =>
        Timeline is null ? null : new Probe<T>(new Source<T>(create), Timeline, Name, named: GivenName is not null);

    /// <summary>Counts a <c>GetAsyncEnumerator</c> call; returns the enumeration's number.</summary>
    public int Begin() => Interlocked.Increment(ref _enumerations);

    /// <summary>Marks an enumerator as live: it counts in <see cref="ActiveEnumerations"/> until it is disposed.</summary>
    public void Activate() => Interlocked.Increment(ref _active);

    /// <summary>Counts the first <c>DisposeAsync</c> call of an enumerator.</summary>
    public void Disposed()
    {
        Interlocked.Increment(ref _disposals);
        Interlocked.Decrement(ref _active);
    }

    /// <summary>Presents the fake's unrecorded enumerators to the probe.</summary>
    private sealed class Source<T>(Func<CancellationToken, IAsyncEnumerator<T>> create) : IAsyncEnumerable<T>
    {
        public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => create(cancellationToken);
    }
}
