// The same tests run against both assertion packages: this project with FluentAssertions, and
// AsyncEnumTesting.AwesomeAssertions.Tests (AWESOME defined) with AwesomeAssertions, linking these files.
#if AWESOME
global using AsyncEnumTesting.AwesomeAssertions;
global using AwesomeAssertions;
global using AwesomeAssertions.Execution;
#else
global using AsyncEnumTesting.FluentAssertions;
global using FluentAssertions;
global using FluentAssertions.Execution;
#endif
