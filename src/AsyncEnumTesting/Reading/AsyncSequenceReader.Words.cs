namespace AsyncEnumTesting;

/// <content>Words for what came instead of the expected event, with the failure placed on the timeline.</content>
public sealed partial class AsyncSequenceReader<T>
{
    /// <summary>Describes what came instead of the expected event; a failure on virtual time says when, relative to the stream.</summary>
    private string Came(ReaderEvent<T> e) =>
        ReaderText.Came(_subject, e, e.Kind == ReaderEventKind.Failed && Timeline.IsVirtual ? When(e) : null);

    /// <summary>Says, when a step waited in vain on a driven fake, that the fake was waiting for the test to drive it.</summary>
    /// <remarks>A driven fake yields only what the test emits: a silent one is almost always a test that forgot to.</remarks>
    private string? DrivenAdvice(ReaderEvent<T> e) =>
        e.Kind == ReaderEventKind.Nothing && _end is null && !_canceled && _driven is { IsEnded: false, Demand: > 0 } driven
            ? $"The driven sequence{(driven.Recorder.GivenName is { } name ? $" \"{name}\"" : string.Empty)} was still waiting for the test to call " +
              "Emit, Complete or Fail: call one of them before awaiting the reader's step (or from code that runs meanwhile)."
            : null;

    /// <summary>Finds the stream's start and the item before the failure on the reader's own timeline.</summary>
    private string? When(ReaderEvent<T> e)
    {
        TimeSpan? started = null;
        TimeSpan? previous = null;
        var items = 0;
        foreach (var recorded in Timeline.Events)
        {
            if (recorded.Enumeration != 1 || !string.Equals(recorded.Source, _name, StringComparison.Ordinal) || recorded.Time > e.Time)
            {
                continue;
            }

            if (recorded.Kind == TimelineEventKind.GetAsyncEnumerator)
            {
                started = recorded.Time;
            }
            else if (recorded.Kind == TimelineEventKind.Yielded && items < e.ItemsBefore)
            {
                previous = recorded.Time;
                items++;
            }
        }

        return started is { } start ? ReaderText.When(e.Time, previous, e.ItemsBefore - 1, start) : null;
    }
}
