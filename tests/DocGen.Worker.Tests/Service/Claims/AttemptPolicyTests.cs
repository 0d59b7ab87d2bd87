using DocGen.Worker.Service.Claims;

namespace DocGen.Worker.Tests.Service.Claims;

public sealed class AttemptPolicyTests
{
    /// <summary>What a restart does with a claim whose process died at <paramref name="stage"/>: account for it, then start the next attempt.</summary>
    private static int DieAndRestart(Claim claim, ClaimStage stage)
    {
        claim.Enter(stage);
        AttemptPolicy.AccountForDeath(claim);
        return claim.RecordAttempt();
    }

    [Theory]
    [InlineData(ClaimStage.Claimed)]
    [InlineData(ClaimStage.AwaitingPdf)]
    [InlineData(ClaimStage.ConvertingPdf)]
    [InlineData(ClaimStage.Publishing)]
    public void DeathWhereTheFilePlaysNoPart_IsNotCounted(ClaimStage stage)
    {
        using var rooms = new Rooms();
        using var claim = rooms.Claims().TryClaim(rooms.Drop("a.json", "{}"))!;
        claim.RecordAttempt();

        for (var death = 1; death <= 10; death++)
        {
            Assert.Equal(1, DieAndRestart(claim, stage));
        }
    }

    [Theory]
    [InlineData(ClaimStage.Reading)]
    [InlineData(ClaimStage.Rendering)]
    public void DeathWhileTheFileIsReadOrRendered_IsCounted(ClaimStage stage)
    {
        using var rooms = new Rooms();
        using var claim = rooms.Claims().TryClaim(rooms.Drop("a.json", "{}"))!;
        claim.RecordAttempt();

        Assert.Equal(2, DieAndRestart(claim, stage));
        Assert.Equal(3, DieAndRestart(claim, stage));
        Assert.Equal(AttemptPolicy.MaxAttempts + 1, DieAndRestart(claim, stage)); // given up
    }

    [Fact]
    public void AnAttemptThatGetsPastTheFile_TakesBackTheDeathsBeforeIt_ButNotTheFailures()
    {
        using var rooms = new Rooms();
        using var claim = rooms.Claims().TryClaim(rooms.Drop("a.json", "{}"))!;
        claim.RecordAttempt();
        Assert.Equal(2, DieAndRestart(claim, ClaimStage.Failed)); // attempt 1: a counted failure (an exception the file caused)
        Assert.Equal(3, DieAndRestart(claim, ClaimStage.Reading)); // attempt 2: killed while reading

        claim.Enter(ClaimStage.AwaitingPdf); // attempt 3 read and rendered the file in full: the death was an outside kill

        Assert.Equal(2, claim.Attempts); // the failure and this attempt
        Assert.Equal(3, DieAndRestart(claim, ClaimStage.Reading)); // deaths count again from here
    }

    [Fact]
    public void FailureThatDidNotKillTheProcess_IsLeftAsItWasAccounted()
    {
        using var rooms = new Rooms();
        using var claim = rooms.Claims().TryClaim(rooms.Drop("a.json", "{}"))!;
        claim.RecordAttempt();

        Assert.Equal(2, DieAndRestart(claim, ClaimStage.Failed));
    }
}
