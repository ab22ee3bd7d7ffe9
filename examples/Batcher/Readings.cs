using System.Runtime.CompilerServices;

namespace Batcher;

/// <summary>Plays sensor readings at given virtual times, then completes or fails; records whether it was disposed.</summary>
/// <param name="clock">The clock the gaps run on.</param>
/// <param name="readings">When each reading arrives (from the start of the enumeration) and its value.</param>
public sealed class Readings(TimeProvider clock, params (double AtSeconds, int Value)[] readings) : IAsyncEnumerable<int>
{
    /// <summary>Gets or sets the error thrown after the last reading; the stream completes when null.</summary>
    public Exception? ThenFail { get; init; }

    /// <summary>Gets how many enumerations were disposed.</summary>
    public int Disposals { get; private set; }

    /// <inheritdoc />
    public IAsyncEnumerator<int> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        Play(cancellationToken).GetAsyncEnumerator(cancellationToken);

    private async IAsyncEnumerable<int> Play([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            var start = clock.GetTimestamp();
            foreach (var (at, value) in readings)
            {
                var wait = TimeSpan.FromSeconds(at) - clock.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, cancellationToken);
                }

                yield return value;
            }

            if (ThenFail is not null)
            {
                throw ThenFail;
            }
        }
        finally
        {
            Disposals++;
        }
    }
}
