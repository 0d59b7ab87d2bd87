using DocGen.Worker.Service;
using Microsoft.Extensions.Time.Testing;

namespace DocGen.Worker.Tests.Service;

/// <summary>One line a minute per kind of fault, with the count of those not logged since.</summary>
public sealed class LogThrottleTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void SameKindWithinTheInterval_IsCounted_ThenLoggedWithTheCount()
    {
        var throttle = new LogThrottle(_clock, LogThrottle.Interval);

        Assert.True(throttle.ShouldLog("disk full", out var first));
        var later = Enumerable.Range(0, 500).Count(_ => throttle.ShouldLog("disk full", out _));
        _clock.Advance(LogThrottle.Interval);
        Assert.True(throttle.ShouldLog("disk full", out var suppressed));

        Assert.Equal(0, first);
        Assert.Equal(0, later);
        Assert.Equal(500, suppressed);
    }

    [Fact]
    public void KindsAreThrottledApart()
    {
        var throttle = new LogThrottle(_clock, LogThrottle.Interval);

        Assert.True(throttle.ShouldLog("disk full", out _));
        Assert.True(throttle.ShouldLog("share gone", out _));
        Assert.False(throttle.ShouldLog("disk full", out _));
    }

    [Fact]
    public void KindOf_IsTheTypeAndCode_NotTheMessageThatNamesTheFile()
        => Assert.Equal(LogThrottle.KindOf(new IOException("a.json: no space", 28)), LogThrottle.KindOf(new IOException("b.json: no space", 28)));
}
