namespace AsyncEnumTesting;

/// <summary>Work of a run that was queued or taken by a pool thread before the clock moved and started only after it moved.</summary>
/// <param name="Held">The real time between the queuing (or the take) and the start.</param>
/// <param name="At">The virtual time of the run when the work started.</param>
/// <param name="WhileQueued">Whether the work was still in the pool's queue when the clock moved (else a pool thread had taken it).</param>
internal sealed record LateStart(TimeSpan Held, TimeSpan At, bool WhileQueued);
