using System.Collections;

#if AWESOME
namespace AsyncEnumTesting.AwesomeAssertions;
#else
namespace AsyncEnumTesting.FluentAssertions;
#endif

/// <summary>Compares items the way a reader of a message expects: a collection item (a batch, a page) by its elements.</summary>
/// <remarks>
/// <see cref="EqualityComparer{T}.Default"/> compares a <c>List&lt;int&gt;</c> by reference, so a batcher that yields
/// <c>{1, 2}</c> would fail against an expected <c>{1, 2}</c>. Strings keep their own equality; other values use
/// <see cref="object.Equals(object?, object?)"/>. A value type that is not a collection (an <c>int</c>, a record struct)
/// is compared by <see cref="EqualityComparer{T}.Default"/> instead: the same answer without boxing both items.
/// </remarks>
internal sealed class ItemEquality<T> : IEqualityComparer<T>
{
    /// <summary>The comparer every item assertion uses when the test gives none.</summary>
    public static readonly ItemEquality<T> Default = new();

    // A read-only static of a generic type: a constant to the optimizing JIT, so the check below costs nothing per item.
    // A nullable collection (ImmutableArray<int>?) boxes to the collection, so it counts as one.
    private static readonly bool PlainValue =
        typeof(T).IsValueType && !typeof(IEnumerable).IsAssignableFrom(Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));

    private ItemEquality()
    {
    }

    /// <inheritdoc />
    public bool Equals(T? x, T? y) => PlainValue ? EqualityComparer<T>.Default.Equals(x, y) : Same(x, y);

    /// <inheritdoc />
    public int GetHashCode(T obj) => obj is IEnumerable and not string ? 0 : EqualityComparer<T>.Default.GetHashCode(obj!);

    private static bool Same(object? x, object? y)
    {
        if (x is IEnumerable left and not string && y is IEnumerable right and not string)
        {
            var l = left.GetEnumerator();
            var r = right.GetEnumerator();
            while (true)
            {
                var moreLeft = l.MoveNext();
                if (moreLeft != r.MoveNext())
                {
                    return false;
                }

                if (!moreLeft)
                {
                    return true;
                }

                if (!Same(l.Current, r.Current))
                {
                    return false;
                }
            }
        }

        return Equals(x, y);
    }
}
