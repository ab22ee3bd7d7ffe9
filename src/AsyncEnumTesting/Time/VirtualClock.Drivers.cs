namespace AsyncEnumTesting;

/// <content>Who drives the clock: one virtual-time run at a time, and no manual advance from outside it.</content>
public sealed partial class VirtualClock
{
    /// <summary>Makes <paramref name="runner"/> the only driver of this clock until <see cref="Detach"/>.</summary>
    /// <exception cref="InvalidOperationException">Another run or a manual advance drives the clock.</exception>
    internal void Attach(VirtualTimeRunner runner)
    {
        lock (_gate)
        {
            if (Runner is not null)
            {
                throw new InvalidOperationException(
                    "This VirtualClock is already driven by another VirtualTime.RunAsync call. Give each run its own clock, or await the first run before starting the next.");
            }

            if (IsAdvancing)
            {
                throw new InvalidOperationException(
                    "This VirtualClock is being advanced by an AdvanceAsync call that has not finished. Await it before VirtualTime.RunAsync takes over the clock.");
            }

            Runner = runner;
        }
    }

    /// <summary>Releases the clock from <paramref name="runner"/>.</summary>
    internal void Detach(VirtualTimeRunner runner)
    {
        lock (_gate)
        {
            if (Runner == runner)
            {
                Runner = null;
            }
        }
    }
}
