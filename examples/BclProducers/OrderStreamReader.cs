using System.Runtime.CompilerServices;
using System.Text.Json;

namespace BclProducers;

/// <summary>Holds one order of an export file.</summary>
/// <param name="Id">The order's id.</param>
/// <param name="Total">The order's total.</param>
public sealed record Order(int Id, decimal Total);

/// <summary>Reads a JSON array of orders from a stream (an HTTP response body) as the bytes arrive.</summary>
public static class OrderStreamReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultBufferSize = 64 };

    /// <summary>Yields each order of the JSON array in <paramref name="body"/> as soon as its bytes have arrived.</summary>
    /// <param name="body">The response body: a JSON array of orders.</param>
    /// <param name="cancellationToken">Cancels the reads of the body.</param>
    /// <returns>The orders, in the order of the array.</returns>
    /// <remarks>
    /// <see cref="JsonSerializer.DeserializeAsyncEnumerable{TValue}(Stream, JsonSerializerOptions?, CancellationToken)"/>
    /// fills its buffer before it parses, so a small buffer (64 bytes here) lets orders out of a slow body early.
    /// </remarks>
    /// <exception cref="JsonException">The body is not a JSON array of orders.</exception>
    public static async IAsyncEnumerable<Order> ReadOrdersAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var order in JsonSerializer.DeserializeAsyncEnumerable<Order>(body, Options, cancellationToken))
        {
            if (order is not null)
            {
                yield return order;
            }
        }
    }
}
