using AsyncEnumTesting.Integration;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace AsyncEnumTesting.NUnit;

/// <summary>Invokes a test method inside a virtual-time run on a clock of its own, and writes that clock's timelines to the
/// test's output when it fails.</summary>
/// <remarks>Replaces NUnit's method invocation (it wraps the innermost command), and records the result as NUnit's
/// <c>TestMethodCommand</c> does; exceptions go to the outer commands, which record them.</remarks>
internal sealed class VirtualTimeCommand(TestCommand inner, VirtualTimeLimits limits) : DelegatingTestCommand(inner)
{
    public override TestResult Execute(TestExecutionContext context)
    {
        var method = Test.Method!.MethodInfo;
        var clock = new TestClock();
        var rowArguments = Test is TestMethod testMethod ? testMethod.Arguments : [];
        string? summary;
        try
        {
            // NUnit runs a test synchronously; blocking here is what it does for an async test too, and the run's body
            // has a thread of its own to run on.
            summary = VirtualTimeTestRun.RunAsync(limits, clock, c => TestMethodCall.Invoke(method, context.TestObject, TestMethodCall.WithClock(method, rowArguments, c)))
                .GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            if (clock.FailureReport(ex.Message) is { } report)
            {
                context.CurrentResult.OutWriter.WriteLine(report);
            }

            throw;
        }

        context.CurrentResult.SetResult(ResultState.Success);
        if (summary is not null)
        {
            context.CurrentResult.OutWriter.WriteLine(summary);
        }

        if (context.CurrentResult.AssertionResults.Count > 0)
        {
            // Failures recorded by Assert.Multiple or Warn: the run ended, now the result says which; report them too.
            context.CurrentResult.RecordTestCompletion();
            if (context.CurrentResult.ResultState.Status == TestStatus.Failed && clock.FailureReport(context.CurrentResult.Message) is { } report)
            {
                context.CurrentResult.OutWriter.WriteLine(report);
            }
        }

        return context.CurrentResult;
    }
}
