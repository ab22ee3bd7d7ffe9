#if !NET9_0_OR_GREATER
namespace System.Threading;

/// <summary>Stands in for .NET 9's <c>System.Threading.Lock</c> on .NET 8: the same <c>lock (_gate)</c> code compiles on both,
/// here as a monitor on an object it owns.</summary>
/// <remarks>Internal, so it never clashes with a consumer's type.</remarks>
internal sealed class Lock
{
    private readonly object _monitor = new();

    /// <summary>Enters the lock; the C# compiler calls this for <c>lock</c> on a <see cref="Lock"/>.</summary>
    /// <returns>The scope whose disposal exits the lock.</returns>
    public Scope EnterScope()
    {
        Monitor.Enter(_monitor);
        return new Scope(_monitor);
    }

    /// <summary>Exits the lock when disposed.</summary>
    public readonly ref struct Scope
    {
        private readonly object _monitor;

        internal Scope(object monitor) => _monitor = monitor;

        /// <summary>Exits the lock.</summary>
        public void Dispose() => Monitor.Exit(_monitor);
    }
}
#endif
