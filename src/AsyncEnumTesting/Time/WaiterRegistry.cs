namespace AsyncEnumTesting;

/// <summary>Knows who waits on a clock right now (a probe inside MoveNextAsync, a reader awaiting an item), for hang diagnoses.</summary>
internal sealed class WaiterRegistry
{
    private readonly Lock _gate = new();
    private readonly List<Registration> _waiters = [];

    /// <summary>Registers a waiter; dispose the result when it stops waiting.</summary>
    /// <param name="describe">Says who waits and since when, for example <c>probe "orders" #1 in MoveNextAsync since 00:03.000</c>.</param>
    public IDisposable Add(Func<string> describe)
    {
        var registration = new Registration(this, describe);
        lock (_gate)
        {
            _waiters.Add(registration);
        }

        return registration;
    }

    /// <summary>Describes every current waiter, oldest first.</summary>
    public IReadOnlyList<string> Describe()
    {
        lock (_gate)
        {
            return _waiters.ConvertAll(w => w.Describe());
        }
    }

    private void Remove(Registration registration)
    {
        lock (_gate)
        {
            _waiters.Remove(registration);
        }
    }

    private sealed class Registration(WaiterRegistry owner, Func<string> describe) : IDisposable
    {
        public string Describe() => describe();

        public void Dispose() => owner.Remove(this);
    }
}
