using System.Runtime.CompilerServices;

namespace AsyncEnumTesting.Tests.Probes;

/// <summary>Small sources for the probe tests: synchronous, timed on a clock, failing, and hand-driven.</summary>
internal static class TestSources
{
    public static IAsyncEnumerable<T> Sync<T>(params T[] items) => items.ToAsyncEnumerable();

    public static async IAsyncEnumerable<int> Timed(TimeProvider clock, TimeSpan gap, int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Delay(gap, clock, cancellationToken);
            yield return i;
        }
    }

    public static async IAsyncEnumerable<int> Failing(Exception exception, params int[] before)
    {
        foreach (var item in before)
        {
            yield return item;
        }

        await Task.CompletedTask;
        throw exception;
    }

    public static async IAsyncEnumerable<int> Never([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        yield break;
    }
}

/// <summary>A source whose enumerator the test drives by hand: every MoveNextAsync waits until the test answers it.</summary>
internal sealed class HandSource : IAsyncEnumerable<int>
{
    public List<HandEnumerator> Enumerators { get; } = [];

    public IAsyncEnumerator<int> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var enumerator = new HandEnumerator();
        Enumerators.Add(enumerator);
        return enumerator;
    }
}

internal sealed class HandEnumerator : IAsyncEnumerator<int>
{
    private readonly Queue<TaskCompletionSource<bool>> _pending = new();

    public int Current { get; private set; }

    public int MoveNextCalls { get; private set; }

    public int DisposeCalls { get; private set; }

    public Func<ValueTask>? OnDispose { get; set; }

    public ValueTask<bool> MoveNextAsync()
    {
        MoveNextCalls++;
        var pending = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Enqueue(pending);
        return new ValueTask<bool>(pending.Task);
    }

    public void Yield(int item)
    {
        Current = item;
        _pending.Dequeue().SetResult(true);
    }

    public void Complete() => _pending.Dequeue().SetResult(false);

    public void Fail(Exception exception) => _pending.Dequeue().SetException(exception);

    public ValueTask DisposeAsync()
    {
        DisposeCalls++;
        return OnDispose?.Invoke() ?? default;
    }
}
