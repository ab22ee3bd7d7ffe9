namespace AsyncEnumTesting.Tests.Time;

/// <summary>The table that remembers when each pool item was queued, keyed by the item's address.</summary>
public sealed class QueueStampsTests
{
    [Fact]
    public void Taken_ItemQueuedEarlier_ReturnsTheMovesAtItsQueuing()
    {
        var stamps = new QueueStamps();

        stamps.Queued(workId: 0x1000, moves: 7);
        stamps.Queued(workId: 0x2000, moves: 9);

        Assert.Equal(7, stamps.Taken(0x1000)?.Moves);
        Assert.Equal(1, stamps.Count);
    }

    [Fact]
    public void Taken_SameItemTwice_ReturnsNothingTheSecondTime()
    {
        var stamps = new QueueStamps();
        stamps.Queued(0x1000, 7);

        stamps.Taken(0x1000);

        Assert.Null(stamps.Taken(0x1000));
    }

    [Fact]
    public void Taken_ItemQueuedAgain_ReturnsTheLatestQueuing()
    {
        // A reusable work item (a channel's operation, say) is queued again after it ran inline: the newest stamp counts.
        var stamps = new QueueStamps();
        stamps.Queued(0x1000, 7);

        stamps.Queued(0x1000, 8);

        Assert.Equal(8, stamps.Taken(0x1000)?.Moves);
    }

    [Fact]
    public void Taken_ItemQueuedByARun_ReturnsThatRun()
    {
        var stamps = new QueueStamps();
        var run = new VirtualTimeRunner(new VirtualClock(), new VirtualTimeOptions());

        stamps.Queued(0x1000, 7, run);
        stamps.Queued(0x2000, 7);

        Assert.Same(run, stamps.Taken(0x1000)?.Run);
        Assert.Null(stamps.Taken(0x2000)?.Run);
    }

    [Fact]
    public void ClearWhen_NoRunActive_ForgetsEveryStamp()
    {
        var stamps = new QueueStamps();
        stamps.Queued(0x1000, 7);

        stamps.ClearWhen(() => true);

        Assert.Equal(0, stamps.Count);
        Assert.Null(stamps.Taken(0x1000));
    }

    [Fact]
    public void ClearWhen_ARunStartedMeanwhile_KeepsTheStamps()
    {
        // The last run ended, but another started before the table was emptied: its items stay stamped.
        var stamps = new QueueStamps();
        stamps.Queued(0x1000, 7);

        stamps.ClearWhen(() => false);

        Assert.Equal(7, stamps.Taken(0x1000)?.Moves);
    }

    [Fact]
    public void Queued_ManyItemsNeverTaken_KeepsTheTableBounded()
    {
        // Items run inline by a waiter are never reported as taken; while runs keep the table in use, their stamps would pile up.
        var stamps = new QueueStamps();

        for (var id = 0L; id < 200_000; id++)
        {
            stamps.Queued(id, 1);
        }

        Assert.InRange(stamps.Count, 1, 1 << 16);
        Assert.Equal(1, stamps.Taken(199_999)?.Moves);
    }

    [Fact]
    public void Taken_NothingStamped_ReturnsNothing()
    {
        var stamps = new QueueStamps();

        Assert.Null(stamps.Taken(0x1000));
    }
}
