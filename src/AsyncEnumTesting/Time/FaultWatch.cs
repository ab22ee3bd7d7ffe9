namespace AsyncEnumTesting;

/// <summary>Finds tasks that faulted inside a run while nobody awaited them (fire-and-forget failures); only runs with
/// <see cref="VirtualTimeOptions.ReportUnobservedFaults"/> pay for it.</summary>
/// <remarks>
/// Exceptions thrown while the run's execution context flows are remembered (first-chance); at the end of the run,
/// and only if any was thrown, a full garbage collection makes the runtime report unobserved faulted tasks, and the
/// ones carrying a remembered exception belong to this run. Parallel runs do not see each other's faults. A faulted
/// task that something still references cannot be found this way.
/// </remarks>
internal sealed class FaultWatch : IDisposable
{
    private static readonly AsyncLocal<FaultWatch?> CurrentWatch = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Exception> _thrown = new(ReferenceEqualityComparer.Instance);
    private readonly List<Exception> _unobserved = [];

    /// <summary>Starts watching the calling flow and every flow it starts.</summary>
    public FaultWatch()
    {
        CurrentWatch.Value = this;
        AppDomain.CurrentDomain.FirstChanceException += OnFirstChance;
        TaskScheduler.UnobservedTaskException += OnUnobserved;
    }

    /// <summary>Returns the faults of tasks nobody observed, collecting garbage first when anything was thrown.</summary>
    /// <param name="ignore">An exception the caller reports anyway (the body's own).</param>
    public IReadOnlyList<Exception> CollectUnobserved(Exception? ignore)
    {
        bool any;
        lock (_gate)
        {
            if (ignore is not null)
            {
                _thrown.Remove(ignore);
            }

            any = _thrown.Count > 0;
        }

        if (any)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        lock (_gate)
        {
            return [.. _unobserved];
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        AppDomain.CurrentDomain.FirstChanceException -= OnFirstChance;
        TaskScheduler.UnobservedTaskException -= OnUnobserved;
        if (CurrentWatch.Value == this)
        {
            CurrentWatch.Value = null;
        }
    }

    private void OnFirstChance(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
    {
        // A canceled task never raises UnobservedTaskException, so cancellations need no collection at the end.
        if (CurrentWatch.Value != this || e.Exception is OperationCanceledException)
        {
            return;
        }

        lock (_gate)
        {
            _thrown.Add(e.Exception);
        }
    }

    private void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
    {
        lock (_gate)
        {
            var mine = e.Exception.InnerExceptions.Where(_thrown.Contains).ToList();
            if (mine.Count == 0)
            {
                return;
            }

            _unobserved.AddRange(mine);
        }

        e.SetObserved();
    }
}
