namespace AsyncEnumTesting;

/// <summary>Holds the default bounds that waits in several layers share, so that each layer reads them from below.</summary>
internal static class WaitDefaults
{
    /// <summary>The real time a wait for the next event may take by default: the reader's
    /// <c>AsyncSequenceReaderOptions.RealTimeLimit</c>, and a driven fake's <c>WhenDemandAsync</c> without a clock.</summary>
    public static readonly TimeSpan RealTimeLimit = TimeSpan.FromSeconds(5);
}
