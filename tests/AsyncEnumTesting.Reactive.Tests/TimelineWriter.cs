using System.Reflection;

namespace AsyncEnumTesting.Reactive.Tests;

/// <summary>Appends events to a timeline the way probes and fakes do (Timeline.Append is internal to the core).</summary>
internal static class TimelineWriter
{
    private static readonly MethodInfo AppendMethod =
        typeof(Timeline).GetMethod("Append", BindingFlags.Instance | BindingFlags.NonPublic, [typeof(string), typeof(int), typeof(TimelineEventKind), typeof(object)])
        ?? throw new InvalidOperationException("Timeline.Append not found.");

    public static void Append(Timeline timeline, string source, int enumeration, TimelineEventKind kind, object? value = null) =>
        AppendMethod.Invoke(timeline, [source, enumeration, kind, value]);

    /// <summary>Enumerates <paramref name="items"/> and records it on <paramref name="timeline"/> as <paramref name="source"/> #1.</summary>
    public static async Task RecordAsync<T>(IAsyncEnumerable<T> items, Timeline timeline, string source)
    {
        Append(timeline, source, 1, TimelineEventKind.GetAsyncEnumerator);
        try
        {
            await foreach (var item in items)
            {
                Append(timeline, source, 1, TimelineEventKind.Yielded, item);
            }
        }
        catch (InvalidOperationException ex)
        {
            Append(timeline, source, 1, TimelineEventKind.Faulted, ex);
            return;
        }

        Append(timeline, source, 1, TimelineEventKind.Completed);
    }
}
