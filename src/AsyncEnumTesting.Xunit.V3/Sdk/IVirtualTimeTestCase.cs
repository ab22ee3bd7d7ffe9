using AsyncEnumTesting.Integration;

namespace AsyncEnumTesting.Xunit.V3;

/// <summary>A test case that carries the limits of its virtual-time attribute to the runner.</summary>
internal interface IVirtualTimeTestCase
{
    VirtualTimeLimits Limits { get; }
}
