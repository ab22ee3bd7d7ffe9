using BenchmarkDotNet.Running;

// Every benchmark class in this assembly, whatever its folder; pick with --filter, e.g. --filter '*VirtualClock*'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
