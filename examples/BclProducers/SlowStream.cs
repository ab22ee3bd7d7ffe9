namespace BclProducers;

/// <summary>Serves fixed chunks of bytes, each one after a delay on the given clock: a slow network body in virtual time.</summary>
/// <param name="clock">The clock the delays run on.</param>
/// <param name="delay">How long each chunk takes to arrive.</param>
/// <param name="chunks">The chunks, in order; each <c>ReadAsync</c> returns at most the rest of one chunk.</param>
public sealed class SlowStream(TimeProvider clock, TimeSpan delay, params byte[][] chunks) : Stream
{
    private int _chunk;
    private int _offset;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_chunk == chunks.Length)
        {
            return 0;
        }

        if (_offset == 0)
        {
            await Task.Delay(delay, clock, cancellationToken); // the next chunk is on its way
        }

        var source = chunks[_chunk].AsMemory(_offset);
        var count = Math.Min(source.Length, buffer.Length);
        source[..count].CopyTo(buffer);
        _offset += count;
        if (_offset == chunks[_chunk].Length)
        {
            _chunk++;
            _offset = 0;
        }

        return count;
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    /// <remarks>Synchronous reads would block on virtual time: the stream refuses them.</remarks>
    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("SlowStream only supports ReadAsync: a synchronous read would block on virtual time.");

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
