namespace AsyncEnumTesting.Tests.Time;

public sealed class VirtualTimeOptionsTests
{
    [Fact]
    public void Constructor_Defaults_AreDocumentedValues()
    {
        var options = new VirtualTimeOptions();

        Assert.Equal(TimeSpan.FromSeconds(1), options.RealTimeGrace);
        Assert.Equal(TimeSpan.FromDays(7), options.VirtualTimeLimit);
        Assert.Equal(1_000_000, options.MaxTimerFirings);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RealTimeLimit);
    }

    [Fact]
    public void Default_Always_HasDefaultValuesAndIsShared()
    {
        Assert.Same(VirtualTimeOptions.Default, VirtualTimeOptions.Default);
        Assert.Equal(TimeSpan.FromSeconds(1), VirtualTimeOptions.Default.RealTimeGrace);
        Assert.Equal(TimeSpan.FromDays(7), VirtualTimeOptions.Default.VirtualTimeLimit);
    }

    [Fact]
    public void Init_AllProperties_AreStored()
    {
        var options = new VirtualTimeOptions
        {
            RealTimeGrace = TimeSpan.FromMilliseconds(5),
            VirtualTimeLimit = TimeSpan.FromHours(2),
            MaxTimerFirings = 12,
            RealTimeLimit = TimeSpan.FromSeconds(3),
        };

        Assert.Equal(TimeSpan.FromMilliseconds(5), options.RealTimeGrace);
        Assert.Equal(TimeSpan.FromHours(2), options.VirtualTimeLimit);
        Assert.Equal(12, options.MaxTimerFirings);
        Assert.Equal(TimeSpan.FromSeconds(3), options.RealTimeLimit);
    }

    public static TheoryData<VirtualTimeOptions, string> InvalidOptions => new()
    {
        { new VirtualTimeOptions { RealTimeGrace = TimeSpan.Zero }, nameof(VirtualTimeOptions.RealTimeGrace) },
        { new VirtualTimeOptions { RealTimeGrace = TimeSpan.FromDays(30) }, nameof(VirtualTimeOptions.RealTimeGrace) },
        { new VirtualTimeOptions { VirtualTimeLimit = TimeSpan.FromSeconds(-1) }, nameof(VirtualTimeOptions.VirtualTimeLimit) },
        { new VirtualTimeOptions { MaxTimerFirings = 0 }, nameof(VirtualTimeOptions.MaxTimerFirings) },
        { new VirtualTimeOptions { RealTimeLimit = TimeSpan.Zero }, nameof(VirtualTimeOptions.RealTimeLimit) },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void RunAsync_NotPositiveLimit_ThrowsNamingIt(VirtualTimeOptions options, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => { _ = VirtualTime.RunAsync(_ => Task.CompletedTask, options); });

        Assert.Equal(name, ex.ParamName);
    }

    [Fact]
    public async Task RunAsync_BudgetExactlyReached_Succeeds()
    {
        var options = new VirtualTimeOptions { VirtualTimeLimit = TimeSpan.FromMinutes(1), MaxTimerFirings = 2 };

        var elapsed = await VirtualTime.RunAsync(
            async clock =>
            {
                await Task.Delay(TimeSpan.FromSeconds(30), clock);
                await Task.Delay(TimeSpan.FromSeconds(30), clock);
                return clock.Elapsed;
            },
            options);

        Assert.Equal(TimeSpan.FromMinutes(1), elapsed);
    }
}
