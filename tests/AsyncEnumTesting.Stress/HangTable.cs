namespace AsyncEnumTesting.Stress;

/// <summary>Placeholder filled in below.</summary>
internal static class HangTable
{
    public static Task<int> RunAsync() => Task.FromResult(0);
}
