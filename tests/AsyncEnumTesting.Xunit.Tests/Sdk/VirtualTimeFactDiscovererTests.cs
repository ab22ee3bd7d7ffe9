using Xunit.Sdk;

namespace AsyncEnumTesting.Xunit.Tests.Sdk;

public sealed class VirtualTimeFactDiscovererTests
{
    [Fact]
    public void Discover_ClockParameter_ReturnsVirtualTimeTestCase()
    {
        var testCase = XunitHarness.Discover<Samples>(nameof(Samples.TakesClock));

        Assert.IsType<VirtualTimeTestCase>(testCase);
        Assert.Equal($"{typeof(Samples).FullName}.{nameof(Samples.TakesClock)}", testCase.DisplayName);
    }

    [Theory]
    [InlineData(nameof(Samples.TakesClockAndNumber), "the method may take one VirtualClock parameter and nothing else. Create fakes and probes inside the test with that clock.")]
    [InlineData(nameof(Samples.TakesString), "the method may take one VirtualClock parameter and nothing else. Create fakes and probes inside the test with that clock.")]
    [InlineData(nameof(Samples.TakesTimeProvider), "the parameter clock is a TimeProvider: declare it as VirtualClock, the clock the run passes (it is a TimeProvider).")]
    [InlineData(nameof(Samples.AsyncVoid), "the method is async void, so the run cannot await it. Return Task instead.")]
    [InlineData(nameof(Samples.WordyBudget), "VirtualTimeLimit \"ten seconds\" is not a TimeSpan: write it as [days.]hours:minutes:seconds[.fraction], like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h).")]
    [InlineData(nameof(Samples.NegativeGrace), "RealTimeGrace \"-00:00:00.005\" is negative: VirtualTimeOptions.RealTimeGrace must be positive; write it like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h), or leave it out for the default (00:00:01).")]
    [InlineData(nameof(Samples.ZeroGrace), "RealTimeGrace \"00:00:00\" is zero: VirtualTimeOptions.RealTimeGrace must be positive; write it like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h), or leave it out for the default (00:00:01).")]
    [InlineData(nameof(Samples.ZeroRealTimeLimit), "RealTimeLimit \"0\" is zero: VirtualTimeOptions.RealTimeLimit must be positive; write it like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h), or leave it out for the default (00:00:30).")]
    [InlineData(nameof(Samples.BareNumberRealTimeLimit), "RealTimeLimit \"30\" has no colon, so TimeSpan reads it as days (30.00:00:00); if that is what you mean, write \"30.00:00:00\", else write it like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h).")]
    [InlineData(nameof(Samples.MinutesPastAnHour), "VirtualTimeLimit \"00:90:00\" is out of range: minutes and seconds go up to 59, hours up to 23 after a day count (\"1.23:00:00\"), and VirtualTimeOptions.VirtualTimeLimit takes at most TimeSpan.MaxValue (10675199.02:48:05.4775807); write it like \"00:00:00.200\" (200 ms), \"00:00:30\" (30 s) or \"01:00:00\" (1 h).")]
    [InlineData(nameof(Samples.ZeroTimerFirings), "MaxTimerFirings is 0: give a positive value, or leave it out for the default.")]
    public async Task Discover_InvalidTest_ReturnsErrorCaseSayingWhatToFix(string method, string problem)
    {
        var testCase = XunitHarness.Discover<Samples>(method);

        Assert.IsType<ExecutionErrorTestCase>(testCase);
        var result = await XunitHarness.RunAsync(testCase);
        Assert.Equal($"[VirtualTimeFact] on {typeof(Samples).FullName}.{method}: {problem}", result.Failed.Messages[0]);
    }

    [Fact]
    public async Task Discover_SerializedAndDeserialized_KeepsTheLimits()
    {
        var testCase = XunitHarness.Discover<Samples>(nameof(Samples.OverShortBudget));

        var copy = SerializationHelper.Deserialize<IXunitTestCase>(SerializationHelper.Serialize(testCase));
        var result = await XunitHarness.RunAsync(copy);

        Assert.StartsWith("The virtual-time run used up its budget of 00:01.000 of virtual time", result.Failed.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discover_SerializedAndDeserialized_KeepsTheRealTimeGrace()
    {
        var testCase = XunitHarness.Discover<Samples>(nameof(Samples.WaitsForever));

        var copy = SerializationHelper.Deserialize<IXunitTestCase>(SerializationHelper.Serialize(testCase));
        var result = await XunitHarness.RunAsync(copy);

        Assert.Contains("nothing posted work for 0.100 s of real time.", result.Failed.Messages[0], StringComparison.Ordinal);
    }

#pragma warning disable xUnit1000, xUnit1026, CA1822 // Private, so the real run never discovers them; Samples: parameters unused on purpose; instance methods like real tests.
    private sealed class Samples
    {
        [VirtualTimeFact]
        public Task TakesClock(VirtualClock clock) => Task.CompletedTask;

        [VirtualTimeFact]
        public Task TakesClockAndNumber(VirtualClock clock, int number) => Task.CompletedTask;

        [VirtualTimeFact]
        public Task TakesString(string text) => Task.CompletedTask;

        [VirtualTimeFact]
        public Task TakesTimeProvider(TimeProvider clock) => Task.CompletedTask;

        [VirtualTimeFact]
#pragma warning disable VSTHRD100 // An async void sample is the point of the test.
        public async void AsyncVoid() => await Task.Yield();
#pragma warning restore VSTHRD100

        [VirtualTimeFact(VirtualTimeLimit = "ten seconds")]
        public void WordyBudget()
        {
        }

        [VirtualTimeFact(RealTimeGrace = "-00:00:00.005")]
        public void NegativeGrace()
        {
        }

        [VirtualTimeFact(RealTimeGrace = "00:00:00")]
        public void ZeroGrace()
        {
        }

        [VirtualTimeFact(RealTimeLimit = "0")]
        public void ZeroRealTimeLimit()
        {
        }

        [VirtualTimeFact(RealTimeLimit = "30")]
        public void BareNumberRealTimeLimit()
        {
        }

        [VirtualTimeFact(VirtualTimeLimit = "00:90:00")]
        public void MinutesPastAnHour()
        {
        }

        [VirtualTimeFact(MaxTimerFirings = 0)]
        public void ZeroTimerFirings()
        {
        }

        [VirtualTimeFact(VirtualTimeLimit = "00:00:01")]
        public async Task OverShortBudget(VirtualClock clock) => await Task.Delay(TimeSpan.FromSeconds(2), clock);

        [VirtualTimeFact(RealTimeGrace = "00:00:00.100", RealTimeLimit = "00:00:05")]
        public Task WaitsForever(VirtualClock clock) => new TaskCompletionSource().Task;
    }
#pragma warning restore xUnit1000, xUnit1026, CA1822
}
