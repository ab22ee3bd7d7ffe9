namespace AsyncEnumTesting;

/// <summary>Holds the default bounds that waits in several layers share, so that each layer reads them from below.</summary>
internal static class WaitDefaults
{
    /// <summary>The real time a wait for the next event may take by default: the reader's
    /// <c>AsyncSequenceReaderOptions.RealTimeLimit</c>, and a driven fake's <c>WhenDemandAsync</c> without a clock.</summary>
    public static readonly TimeSpan RealTimeLimit = TimeSpan.FromSeconds(5);

    /// <summary>The longest real-time grace a run or a clock takes (about 24.8 days): the grace is waited on with
    /// <c>Monitor.Wait</c>, which takes at most <see cref="int.MaxValue"/> milliseconds.</summary>
    public static readonly TimeSpan MaxRealTimeGrace = TimeSpan.FromMilliseconds(int.MaxValue);
}
