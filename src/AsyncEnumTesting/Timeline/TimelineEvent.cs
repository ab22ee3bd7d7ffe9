using System.Diagnostics;

namespace AsyncEnumTesting;

/// <summary>Records one thing that happened to an async sequence, or a test's mark, at a point of (virtual) time.</summary>
/// <param name="Time">When it happened, measured from the start of the timeline's clock.</param>
/// <param name="Source">The name of the probe or fake it happened to; the mark's owner for marks.</param>
/// <param name="Enumeration">Which enumeration of the source (1 for the first <c>GetAsyncEnumerator</c>); 0 for marks.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Value">The item, exception, label or detail, depending on <paramref name="Kind"/>.</param>
[DebuggerDisplay("{Kind} {Value} @ {Time}")]
public readonly record struct TimelineEvent(TimeSpan Time, string Source, int Enumeration, TimelineEventKind Kind, object? Value = null);
