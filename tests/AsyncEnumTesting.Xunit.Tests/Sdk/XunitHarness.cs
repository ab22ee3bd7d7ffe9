using System.Diagnostics;
using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AsyncEnumTesting.Xunit.Tests.Sdk;

/// <summary>Discovers and runs sample test methods in-process through xunit's own runner classes, and collects what they report.</summary>
internal static class XunitHarness
{
    public static ITestMethod Method<TClass>(string name, string collection = "samples")
    {
        var assembly = new TestAssembly(Reflector.Wrap(typeof(TClass).Assembly));
        var testClass = new TestClass(new TestCollection(assembly, null, collection), Reflector.Wrap(typeof(TClass)));
        var method = typeof(TClass).GetMethod(name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"No method {name} on {typeof(TClass).Name}.");
        return new TestMethod(testClass, Reflector.Wrap(method));
    }

    public static IXunitTestCase Discover<TClass>(string name, string collection = "samples")
    {
        var testMethod = Method<TClass>(name, collection);
        var fact = testMethod.Method.GetCustomAttributes(typeof(VirtualTimeFactAttribute)).Single();
        return Assert.Single(new VirtualTimeFactDiscoverer(new NullSink()).Discover(new DiscoveryOptions(), testMethod, fact));
    }

    public static IReadOnlyList<IXunitTestCase> DiscoverTheory<TClass>(string name, string collection = "samples")
    {
        var testMethod = Method<TClass>(name, collection);
        var theory = testMethod.Method.GetCustomAttributes(typeof(VirtualTimeTheoryAttribute)).Single();
        return [.. new VirtualTimeTheoryDiscoverer(new NullSink()).Discover(new DiscoveryOptions(), testMethod, theory)];
    }

    public static async Task<RunResult> RunAsync(IXunitTestCase testCase, params object[] constructorArguments)
    {
        using var bus = new CollectingBus();
        var started = Stopwatch.GetTimestamp();
        var summary = await testCase.RunAsync(new NullSink(), bus, constructorArguments, new ExceptionAggregator(), new CancellationTokenSource());
        return new RunResult(summary, bus.Messages, Stopwatch.GetElapsedTime(started));
    }

    internal sealed record RunResult(RunSummary Summary, IReadOnlyList<IMessageSinkMessage> Messages, TimeSpan RealTime)
    {
        public ITestFailed Failed => Assert.Single(Messages.OfType<ITestFailed>());

        public ITestPassed Passed => Assert.Single(Messages.OfType<ITestPassed>());
    }

    private sealed class CollectingBus : IMessageBus
    {
        private readonly List<IMessageSinkMessage> _messages = [];

        public IReadOnlyList<IMessageSinkMessage> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public bool QueueMessage(IMessageSinkMessage message)
        {
            lock (_messages)
            {
                _messages.Add(message);
            }

            return true;
        }

        public void Dispose()
        {
        }
    }

    private sealed class NullSink : LongLivedMarshalByRefObject, IMessageSink
    {
        public bool OnMessage(IMessageSinkMessage message) => true;
    }

    private sealed class DiscoveryOptions : ITestFrameworkDiscoveryOptions
    {
        public TValue GetValue<TValue>(string name) => default!;

        public void SetValue<TValue>(string name, TValue value)
        {
        }
    }
}
