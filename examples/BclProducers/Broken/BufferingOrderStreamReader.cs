using System.Runtime.CompilerServices;
using System.Text.Json;

namespace BclProducers.Broken;

/// <summary>Reads orders like <see cref="OrderStreamReader"/>, but deserializes the whole array before yielding the first order.</summary>
/// <remarks>
/// The bug this suite catches: <c>DeserializeAsync&lt;List&lt;Order&gt;&gt;</c> looks asynchronous and returns the same
/// orders, but the first order comes out only after the last byte of the body: no streaming, and memory grows with the body.
/// </remarks>
public static class BufferingOrderStreamReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultBufferSize = 64 };

    /// <summary>Yields the orders of the JSON array in <paramref name="body"/> once the whole body has arrived.</summary>
    /// <param name="body">The response body.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The orders.</returns>
    public static async IAsyncEnumerable<Order> ReadOrdersAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var orders = await JsonSerializer.DeserializeAsync<List<Order>>(body, Options, cancellationToken) ?? []; // BUG: buffers.
        foreach (var order in orders)
        {
            yield return order;
        }
    }
}
