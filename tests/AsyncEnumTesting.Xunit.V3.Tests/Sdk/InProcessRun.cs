using System.Collections.Concurrent;
using Xunit.Sdk;
using Xunit.v3;

namespace AsyncEnumTesting.Xunit.V3.Tests;

/// <summary>What one test of an in-process run reported.</summary>
internal sealed record RunResult(string Name, string Outcome, string Message, string Output);

/// <summary>Discovers and runs one test class through xunit's own framework, in process, and collects what each test reported: the same
/// pipeline (discoverers, test cases, runners) that a runner drives, without the outer run seeing the class.</summary>
/// <remarks>The classes it runs are internal: xunit discovers exported types only, so the outer run never runs them.</remarks>
internal static class InProcessRun
{
    /// <param name="testClass">The class whose tests to run.</param>
    /// <param name="preEnumerateTheories">Whether theory rows become test cases at discovery, as runners do by default (xunit's own default
    /// is not to), or are enumerated at run time.</param>
    public static async Task<IReadOnlyList<RunResult>> RunAsync(Type testClass, bool preEnumerateTheories = true)
    {
        var framework = new XunitTestFramework();
        var discoveryOptions = new Options();
        discoveryOptions.SetValue<bool?>(TestOptionsNames.Discovery.PreEnumerateTheories, preEnumerateTheories);
        var testCases = new List<ITestCase>();
        await framework.GetDiscoverer(testClass.Assembly).Find(
            testCase =>
            {
                testCases.Add(testCase);
                return new(true);
            },
            discoveryOptions,
            [testClass]);

        var sink = new Sink();
        await framework.GetExecutor(testClass.Assembly).RunTestCases(testCases, sink, new Options(), TestContext.Current.CancellationToken);
        return [.. sink.Results.OrderBy(result => result.Name, StringComparer.Ordinal)];
    }

    /// <summary>Default options: xunit reads every setting it is not given as its default.</summary>
    private sealed class Options : ITestFrameworkDiscoveryOptions, ITestFrameworkExecutionOptions
    {
        private readonly Dictionary<string, object?> values = [];

        public TValue? GetValue<TValue>(string name) => values.TryGetValue(name, out var value) ? (TValue?)value : default;

        public void SetValue<TValue>(string name, TValue value) => values[name] = value;

        public string ToJson() => "{}";
    }

    private sealed class Sink : IMessageSink
    {
        private readonly ConcurrentDictionary<string, string> names = new();

        public ConcurrentBag<RunResult> Results { get; } = [];

        public bool OnMessage(IMessageSinkMessage message)
        {
            switch (message)
            {
                case ITestStarting starting:
                    names[starting.TestUniqueID] = starting.TestDisplayName;
                    break;
                case ITestPassed passed:
                    Results.Add(new(Name(passed), "Passed", string.Empty, passed.Output));
                    break;
                case ITestFailed failed:
                    Results.Add(new(Name(failed), "Failed", $"{failed.ExceptionTypes[0]}: {failed.Messages[0]}", failed.Output));
                    break;
                case ITestSkipped skipped:
                    Results.Add(new(Name(skipped), "Skipped", skipped.Reason, skipped.Output));
                    break;
            }

            return true;
        }

        private string Name(ITestResultMessage result) => names.TryGetValue(result.TestUniqueID, out var name) ? name : result.TestUniqueID;
    }
}
