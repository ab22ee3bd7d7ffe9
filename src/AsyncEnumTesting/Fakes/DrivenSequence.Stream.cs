namespace AsyncEnumTesting;

/// <content>The shared stream: buffer, waiting requests, ending and demand.</content>
public sealed partial class DrivenSequence<T>
{
    /// <summary>Takes the next buffered item or the ending for <paramref name="request"/>, or queues it as demand.</summary>
    /// <returns><see langword="true"/> when the request was answered at once; it was queued otherwise.</returns>
    internal bool TryAnswer(DrivenEnumerator<T>.Request request, out bool hasItem, out T item, out Exception? error)
    {
        List<TaskCompletionSource<bool>>? reached = null;
        lock (_gate)
        {
            error = _error;
            if (_buffer.TryDequeue(out item!))
            {
                hasItem = true;
                return true;
            }

            hasItem = false;
            if (_ending is not null)
            {
                return true;
            }

            request.Node = _requests.AddLast(request);
            for (var i = _demandWatchers.Count - 1; i >= 0; i--)
            {
                if (_demandWatchers[i].Count <= _requests.Count)
                {
                    (reached ??= []).Add(_demandWatchers[i].Signal);
                    _demandWatchers.RemoveAt(i);
                }
            }
        }

        if (reached is not null)
        {
            Later.Run(() => reached.ForEach(signal => signal.TrySetResult(true)));
        }

        return false;
    }

    /// <summary>Withdraws a waiting request whose token was cancelled; false when an item or the ending already reached it.</summary>
    internal bool TryWithdraw(DrivenEnumerator<T>.Request request)
    {
        lock (_gate)
        {
            if (request.Node?.List is null)
            {
                return false;
            }

            _requests.Remove(request.Node);
            return true;
        }
    }

    private void End(string how, Exception? error)
    {
        List<DrivenEnumerator<T>.Request> waiting;
        lock (_gate)
        {
            ThrowIfEnded(how);
            _ending = how;
            _error = error;
            waiting = [.. _requests];
            _requests.Clear();
        }

        // The buffer is empty whenever a request waits, so every waiting reader ends now.
        foreach (var request in waiting)
        {
            request.End(error);
        }
    }

    private void ThrowIfEnded(string call)
    {
        if (_ending is not null)
        {
            throw new InvalidOperationException(
                $"Cannot {call} on {_recorder.Title}: it already ended with {_ending}. Emit every item before Complete or Fail, " +
                "and end a driven sequence once; use a new driven sequence for another run.");
        }
    }
}
