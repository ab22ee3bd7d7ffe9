namespace AsyncEnumTesting;

/// <summary>Knows who waits on a clock right now (a probe inside MoveNextAsync, a reader awaiting an item), for hang diagnoses.</summary>
internal sealed class WaiterRegistry
{
    private readonly Lock _gate = new();
    private readonly List<Registration> _waiters = [];

    /// <summary>Occurs when a waiter that can be failed registers; the clock arms its undriven watchdog.</summary>
    public event Action? FailableAdded;

    /// <summary>Registers a waiter; dispose the result when it stops waiting.</summary>
    /// <param name="describe">Says who waits and since when, for example <c>probe "orders" #1 in MoveNextAsync since 00:03.000</c>.</param>
    /// <param name="fail">Ends the wait with a diagnosis when nothing drives the clock; <see langword="null"/> for waiters
    /// that only appear in diagnoses (a probe, a reader: something else ends their wait).</param>
    public IDisposable Add(Func<string> describe, Action<Exception>? fail = null)
    {
        var registration = new Registration(this, describe, fail);
        lock (_gate)
        {
            _waiters.Add(registration);
        }

        if (fail is not null)
        {
            FailableAdded?.Invoke();
        }

        return registration;
    }

    /// <summary>Gets a value indicating whether any current waiter can be failed.</summary>
    public bool AnyFailable
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Exists(w => w.Fail is not null);
            }
        }
    }

    /// <summary>Fails every current waiter that can be failed, with an exception built from the list of all waiters.</summary>
    /// <returns>How many waiters were failed.</returns>
    public int FailAll(Func<IReadOnlyList<string>, Exception> diagnosis)
    {
        List<Registration> failable;
        IReadOnlyList<string> all;
        lock (_gate)
        {
            failable = _waiters.FindAll(w => w.Fail is not null);
            all = _waiters.ConvertAll(w => w.Describe());
        }

        if (failable.Count == 0)
        {
            return 0;
        }

        var exception = diagnosis(all);
        foreach (var waiter in failable)
        {
            waiter.Fail!(exception);
        }

        return failable.Count;
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

    private sealed class Registration(WaiterRegistry owner, Func<string> describe, Action<Exception>? fail) : IDisposable
    {
        public Action<Exception>? Fail => fail;

        public string Describe() => describe();

        public void Dispose() => owner.Remove(this);
    }
}
