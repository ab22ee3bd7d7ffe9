using System.Reflection;
using AsyncEnumTesting.Integration;
using AsyncEnumTesting.Testing;

namespace AsyncEnumTesting.Xunit.V3.Tests;

/// <summary>The settings and signature checks every framework package compiles from src/Shared.</summary>
public sealed partial class SharedIntegrationTests
{
    [Fact]
    public void SignatureError_ClockNotLast_SaysWhereItGoes()
    {
        var error = TestMethodCall.SignatureError(Method(nameof(Samples.ClockFirst)), "[VirtualTimeTest]", dataParameters: true);

        Assert.Equal("[VirtualTimeTest] on Samples.ClockFirst: the method may take one VirtualClock parameter, as its last parameter.", error);
    }

    [Fact]
    public void SignatureError_OtherParameterWithoutData_SaysToCreateFakesInside()
    {
        var error = TestMethodCall.SignatureError(Method(nameof(Samples.ClockLast)), "[VirtualTimeFact]", dataParameters: false);

        Assert.Equal(
            "[VirtualTimeFact] on Samples.ClockLast: the method may take one VirtualClock parameter and nothing else. Create fakes and probes inside the test with that clock.",
            error);
    }

    [Fact]
    public void SignatureError_AsyncVoid_SaysToReturnTask()
    {
        var error = TestMethodCall.SignatureError(Method(nameof(Samples.AsyncVoid)), "[VirtualTimeFact]", dataParameters: false);

        Assert.Equal("[VirtualTimeFact] on Samples.AsyncVoid: the method is async void, so the run cannot await it. Return Task instead.", error);
    }

    [Fact]
    public void SignatureError_ClockLastWithData_ReturnsNull()
    {
        Assert.Null(TestMethodCall.SignatureError(Method(nameof(Samples.ClockLast)), "[VirtualTimeTheory]", dataParameters: true));
    }

    [Fact]
    public void WithClock_MissingOrDefaultedClockSlot_PutsTheClockThere()
    {
        var clock = new VirtualClock();
        var method = Method(nameof(Samples.ClockLast));

        Assert.Equal([1, clock], TestMethodCall.WithClock(method, [1], clock));
        Assert.Equal([1, clock], TestMethodCall.WithClock(method, [1, null], clock));
    }

    private static MethodInfo Method(string name) => typeof(Samples).GetMethod(name)!;

#pragma warning disable CA1822, IDE0060, CA1801, CS1998, VSTHRD100 // signatures under test
    private sealed class Samples
    {
        public void ClockFirst(VirtualClock clock, int value)
        {
        }

        public void ClockLast(int value, VirtualClock clock)
        {
        }

        public async void AsyncVoid(VirtualClock clock)
        {
        }
    }
#pragma warning restore CA1822, IDE0060, CA1801, CS1998, VSTHRD100
}
