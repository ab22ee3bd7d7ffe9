using System.Reflection;
using System.Runtime.ExceptionServices;
using AsyncEnumTesting.Testing;

namespace AsyncEnumTesting.MSTest.Tests;

/// <summary>Test methods run by hand through the attribute, outside MSTest's discovery.</summary>
public sealed class Samples
{
    public async Task FailsAfterTwoItems(VirtualClock clock)
    {
        var items = FakeSequence.FromMarbles(clock, "-a-b|", frame: TimeSpan.FromSeconds(1)).Probe(new Timeline(clock), "items");
        Assert.AreEqual(3, await items.CountAsync());
    }

    public Task FailsWithTheShipmentsTimelineInItsMessage(VirtualClock clock) => ShipmentsBody.RunAsync(clock);

    public Task WaitsForever(VirtualClock clock) => new TaskCompletionSource().Task;

    public Task Passes(VirtualClock clock) => Task.Delay(TimeSpan.FromSeconds(1), clock);

    public Task AssumesCreationOrder(VirtualClock clock) => ArrivalsAsync(clock, either: false);

    public Task AcceptsEitherOrder(VirtualClock clock) => ArrivalsAsync(clock, either: true);

    /// <summary>Two arrivals due at the same instant; the buggy check assumes they come in the order they were started.</summary>
    private static async Task ArrivalsAsync(VirtualClock clock, bool either)
    {
        var arrivals = new List<string>();
        async Task ArriveAsync(string name)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
            arrivals.Add(name);
        }

        await Task.WhenAll(ArriveAsync("quote"), ArriveAsync("trade"));
        IEnumerable<string> seen = either ? arrivals.Order(StringComparer.Ordinal) : arrivals; // the correct twin does not depend on the order
        Assert.AreEqual("quote,trade", string.Join(",", seen));
    }

#pragma warning disable CA1822, IDE0060 // a signature under test
    public void ClockFirst(VirtualClock clock, int value)
    {
    }
#pragma warning restore CA1822, IDE0060
}

/// <summary>Stands in for MSTest's method: invokes a <see cref="Samples"/> method and turns an exception into a failed result,
/// with a line of the test's own output, as MSTest's invoker does.</summary>
internal sealed class SampleMethod(string name) : ITestMethod
{
    public string TestMethodName => name;

    public string TestClassName => nameof(Samples);

    public Type ReturnType => MethodInfo.ReturnType;

    public object?[]? Arguments => null;

    public ParameterInfo[] ParameterTypes => MethodInfo.GetParameters();

    public MethodInfo MethodInfo => typeof(Samples).GetMethod(name)!;

    public Attribute[]? GetAllAttributes() => [];

    public TAttributeType[] GetAttributes<TAttributeType>()
        where TAttributeType : Attribute => [];

    public async Task<TestResult> InvokeAsync(object?[]? arguments)
    {
        try
        {
            if (MethodInfo.Invoke(new Samples(), arguments) is Task task)
            {
                await task;
            }

            return new TestResult { Outcome = UnitTestOutcome.Passed };
        }
        catch (Exception ex) when (ex is not TargetInvocationException)
        {
            return new TestResult { Outcome = UnitTestOutcome.Failed, TestFailureException = ex, LogOutput = "own line" + Environment.NewLine };
        }
        catch (TargetInvocationException ex)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException!);
            throw;
        }
    }
}
