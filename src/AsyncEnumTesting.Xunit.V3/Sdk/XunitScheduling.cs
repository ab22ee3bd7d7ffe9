#if XUNIT_V3_4
using Xunit.Sdk;
#endif
using Xunit.v3;

namespace AsyncEnumTesting.Xunit.V3;

#if XUNIT_V3_4
/// <summary>What xunit.v3 4.x hands a self-executing test case for its tests: how they may run in parallel, on which scheduler, and
/// the method's fixtures. The case passes it on to xunit's runners untouched.</summary>
internal readonly record struct XunitScheduling(ParallelMode ParallelMode, ExecutionScheduler Scheduler, FixtureMappingManager MethodFixtureMappings);
#else
/// <summary>Empty on xunit.v3 3.x, whose runners take no scheduling arguments; it keeps one signature for both builds.</summary>
internal readonly record struct XunitScheduling;
#endif
