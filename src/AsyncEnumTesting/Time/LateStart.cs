namespace AsyncEnumTesting;

/// <summary>Work of a run that a pool thread took before the clock moved and started only after it moved.</summary>
/// <param name="Held">The real time between the take and the start.</param>
/// <param name="At">The virtual time of the run when the work started.</param>
internal sealed record LateStart(TimeSpan Held, TimeSpan At);
