namespace AsyncEnumTesting;

/// <summary>Reads the item at an index as an object, so a timeline can box probe items only when someone reads them.</summary>
internal interface IBoxedItems
{
    /// <summary>Returns the item at <paramref name="index"/>, boxed.</summary>
    object? GetBoxed(int index);
}
