namespace AsyncEnumTesting;

/// <content>Schedule exploration: where time does not fix the order, a schedule picks it.</content>
/// <remarks>
/// Without a schedule the run keeps its default order: continuations in the order they were posted, same-instant timers in
/// the order they were created, each timer's woken work run before the next timer fires. With one, the schedule decides
/// at each of those points: which of the same-instant timers fires next, whether it fires before the work the previous
/// one woke (so that both wake-ups are ready at once, as on a busy machine), and which ready continuation runs next.
/// Picking option 0 everywhere is exactly the default order. Work on the thread pool is not reordered: the run only
/// waits for it, as always.
/// </remarks>
internal sealed partial class VirtualTimeRunner
{
    private readonly Schedule? _schedule;
    private long _tieTick = -1;

    /// <summary>Gets the schedule the run follows, if it explores one.</summary>
    public Schedule? Schedule => _schedule;

    /// <summary>Fires the next timer due at the instant a timer just fired at before the work it woke runs, when the schedule says so.</summary>
    private bool TryFireTie()
    {
        if (_schedule is null || _tieTick != _clock.NowTicks)
        {
            return false;
        }

        if (!_clock.TryPeekNext(out var due, out var isDeadline) || due != _tieTick || isDeadline || _local.Count == 0)
        {
            _tieTick = -1;
            return false;
        }

        // Option 0 is the default order: the woken work runs first, and the loop fires the next timer once it settled.
        if (ChooseTimerBeforeWork(_schedule, due) == 0)
        {
            _tieTick = -1;
            return false;
        }

        while (true)
        {
            switch (Settle(_options.RealTimeGrace))
            {
                case Settled.Busy:
                    TakeForeignWork();
                    continue;
                case Settled.StuckElsewhere:
                    _tieTick = -1;
                    return false; // the main loop settles again and reports it
            }

            if (MayMove())
            {
                break;
            }
        }

        _clock.TryFireNext(due, _schedule);
        _dirty = true;
        return true;
    }

    /// <summary>Takes the next work item: the first one, or the one the schedule picks among those ready.</summary>
    private bool TryTakeLocal(out (SendOrPostCallback Callback, object? State) work)
    {
        if (_schedule is null || _local.Count < 2)
        {
            return _local.TryDequeue(out work);
        }

        var pick = _schedule.Choose(ScheduleChoice.Continuation, _local.Count, _clock.NowTicks);
        if (pick == 0)
        {
            return _local.TryDequeue(out work);
        }

        var ready = _local.ToArray();
        DescribeReady(_schedule, ready);

        // The picked item runs now; the others keep their order.
        work = ready[pick];
        _local.Clear();
        for (var i = 0; i < ready.Length; i++)
        {
            if (i != pick)
            {
                _local.Enqueue(ready[i]);
            }
        }

        return true;
    }

    // The lambdas that name a decision live in their own methods: a lambda that captures a local makes the compiler
    // allocate its closure where the local's scope starts, which would put an allocation on every pass of the run's loop.
    private int ChooseTimerBeforeWork(Schedule schedule, long due)
    {
        var next = _clock.NextTimerSequence;
        var woken = _local.Peek().State;
        return schedule.Choose(ScheduleChoice.TimerBeforeWork, 2, due, i => i == 1 ? schedule.TimerName(next - 1) : Name(woken));
    }

    private static void DescribeReady(Schedule schedule, (SendOrPostCallback Callback, object? State)[] ready) =>
        schedule.DescribeLast(i => Name(ready[i].State));

    /// <summary>Names a posted continuation by the async method it resumes, for the report of a failing schedule.</summary>
    private static string Name(object? state)
    {
        var target = state is Delegate d ? d.Target ?? d.Method.DeclaringType : state;
        return CodeNames.OfStateMachine(target as Type ?? target?.GetType()) is { } method ? "the continuation of " + method : "a posted callback";
    }
}
