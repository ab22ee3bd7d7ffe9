namespace AsyncEnumTesting;

/// <content>What the kit opened on this clock and must see closed: a virtual-time run fails when it ends with one open.</content>
public sealed partial class VirtualClock
{
    private readonly List<Owned> _owned = [];

    /// <summary>Registers something the test must dispose (a reader); dispose the result when it is disposed.</summary>
    /// <param name="describe">Names it for the failure, for example <c>reader "orders" opened at 00:00.000</c>.</param>
    internal IDisposable Own(Func<string> describe)
    {
        var owned = new Owned(this, describe);
        lock (_owned)
        {
            _owned.Add(owned);
        }

        return owned;
    }

    /// <summary>Describes what is still open, oldest first.</summary>
    internal IReadOnlyList<string> StillOpen()
    {
        lock (_owned)
        {
            return _owned.ConvertAll(o => o.Describe());
        }
    }

    private sealed class Owned(VirtualClock clock, Func<string> describe) : IDisposable
    {
        public string Describe() => describe();

        public void Dispose()
        {
            lock (clock._owned)
            {
                clock._owned.Remove(this);
            }
        }
    }
}
