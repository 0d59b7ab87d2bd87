using DocGen.Worker.IO;
using Microsoft.Extensions.Time.Testing;

namespace DocGen.Worker.Tests.IO;

public sealed class StabilityTrackerTests
{
    private static readonly DateTime s_future = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void StampOlderThanTheWindowByItsOwnTime_IsStableAtOnce()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var tracker = new StabilityTracker(TimeSpan.FromSeconds(1), clock);

        Assert.True(tracker.IsStable("a", new FileStamp(10, new DateTime(2026, 1, 1, 11, 0, 0, DateTimeKind.Utc))));
    }

    [Fact]
    public void StampFromAClockAhead_IsStableOnceSeenUnchangedForTheWindow()
    {
        var clock = new FakeTimeProvider();
        var tracker = new StabilityTracker(TimeSpan.FromSeconds(1), clock);
        var stamp = new FileStamp(10, s_future);

        Assert.False(tracker.IsStable("a", stamp));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(tracker.IsStable("a", stamp));
        Assert.False(tracker.IsStable("a", stamp with { Length = 11 }));
    }

    [Fact]
    public void Forgotten_StartsAgain_AndPruneForgetsWhatIsNoLongerLookedAt()
    {
        var clock = new FakeTimeProvider();
        var tracker = new StabilityTracker(TimeSpan.FromSeconds(1), clock);
        var stamp = new FileStamp(10, s_future);
        tracker.IsStable("a", stamp);
        clock.Advance(TimeSpan.FromSeconds(2));

        tracker.Forget("a");
        Assert.False(tracker.IsStable("a", stamp));

        clock.Advance(TimeSpan.FromMinutes(20));
        tracker.Prune(TimeSpan.FromMinutes(10));
        Assert.False(tracker.IsStable("a", stamp));
    }
}
