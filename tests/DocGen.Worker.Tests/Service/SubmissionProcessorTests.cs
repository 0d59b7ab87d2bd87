using DocGen.Worker.Service.Claims;

namespace DocGen.Worker.Tests.Service;

public sealed class SubmissionProcessorTests
{
    [Fact]
    public async Task FreshClaim_OfAValidFile_EndsInOutAndArchive()
    {
        using var rooms = new Rooms().WithShippedTemplates();
        var path = rooms.Drop("seed.json", ServiceSandbox.SeedJson);

        Assert.True(await rooms.Processor().TryProcessAsync(path, TestContext.Current.CancellationToken));

        Assert.True(File.Exists(Path.Combine(rooms.Folders.Out, "seed.docx")));
        Assert.True(File.Exists(Path.Combine(rooms.Folders.Archive, "seed.receipt.json")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(rooms.Folders.Processing));
    }

    [Fact]
    public async Task FileThatLooksUnfinished_IsLeftForTheWholeGrace_ThenJudgedOnce()
    {
        using var rooms = new Rooms(static o => (o.StableFor, o.IncompleteGrace) = (TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1))).WithShippedTemplates();
        var processor = rooms.Processor();
        var path = rooms.Drop("cut.json", ServiceSandbox.SeedJson[..200]);

        Assert.False(await processor.TryProcessAsync(path, TestContext.Current.CancellationToken));
        rooms.Clock.Advance(TimeSpan.FromSeconds(30)); // a copy stalled for 30 s: far past StableFor, still within the grace
        Assert.False(await processor.TryProcessAsync(path, TestContext.Current.CancellationToken));
        Assert.True(File.Exists(path));

        rooms.Clock.Advance(TimeSpan.FromSeconds(30));
        var processing = processor.TryProcessAsync(path, TestContext.Current.CancellationToken);
        await ServiceSandbox.Eventually(() => processing.IsCompleted, "the claimed file's retries", eachLook: () => rooms.Clock.Advance(rooms.Options.ParseRetryDelay));

        Assert.True(await processing);
        Assert.Contains("[D1]", File.ReadAllText(Path.Combine(rooms.Folders.Failed, "cut.errors.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopyThatStallsAndResumes_IsJudgedOnceWhole()
    {
        using var rooms = new Rooms(static o => (o.StableFor, o.IncompleteGrace) = (TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1))).WithShippedTemplates();
        var processor = rooms.Processor();
        var half = ServiceSandbox.SeedJson.Length / 2;
        var path = rooms.Drop("slow.json", ServiceSandbox.SeedJson[..half]);

        Assert.False(await processor.TryProcessAsync(path, TestContext.Current.CancellationToken));
        rooms.Clock.Advance(TimeSpan.FromSeconds(20)); // the share stalls for 20 s
        Assert.False(await processor.TryProcessAsync(path, TestContext.Current.CancellationToken));
        File.AppendAllText(path, ServiceSandbox.SeedJson[half..]); // and the copy goes on

        Assert.True(await processor.TryProcessAsync(path, TestContext.Current.CancellationToken));

        ServiceSandbox.AssertValidDocx(Path.Combine(rooms.Folders.Out, "slow.docx"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(rooms.Folders.Failed));
    }

    [Fact]
    public async Task AbandonedClaim_IsProcessedAgainFromItsInput_ByRecovery()
    {
        using var rooms = new Rooms().WithShippedTemplates();
        var claim = rooms.Claims().TryClaim(rooms.Drop("seed.json", ServiceSandbox.SeedJson))!;
        File.WriteAllText(claim.Staged(".docgen-result.docx"), "half a document of a run that died");
        claim.Dispose();

        await rooms.Processor().RecoverAsync(TestContext.Current.CancellationToken);

        ServiceSandbox.AssertValidDocx(Path.Combine(rooms.Folders.Out, "seed.docx"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(rooms.Folders.Processing));
    }

    [Fact]
    public async Task WorkbookThatEndedTheProcessThreeTimesWhileBeingRead_IsGivenUpWithS1_NamingTheStage()
    {
        using var rooms = new Rooms().WithShippedTemplates();
        var claims = rooms.Claims();
        var claim = claims.TryClaim(rooms.Drop("clerk.xlsx", "PK not really a workbook"))!;
        var folder = claim.Folder;
        claim.Dispose();
        for (var crash = 1; crash <= 3; crash++)
        {
            // What an attempt that died in the workbook's reader leaves: its count and stage in the claim's lock file.
            using var dead = claims.TakeAbandoned().Single(c => c.Folder == folder);
            dead.RecordAttempt();
            dead.Enter(ClaimStage.Reading);
        }

        await rooms.Processor().RecoverAsync(TestContext.Current.CancellationToken);

        var report = File.ReadAllText(Path.Combine(rooms.Folders.Failed, "clerk.errors.txt"));
        Assert.Contains("[S1]", report, StringComparison.Ordinal);
        Assert.Contains("最后一次停在“读取和检查文件”", report, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(rooms.Folders.Failed, "clerk.xlsx")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(rooms.Folders.Processing));
    }

    [Theory]
    [InlineData(ClaimStage.Claimed)]
    [InlineData(ClaimStage.AwaitingPdf)]
    [InlineData(ClaimStage.ConvertingPdf)]
    [InlineData(ClaimStage.Publishing)]
    public async Task ValidFileOnItsLastAttempt_WhoseProcessWasKilledWhereTheFilePlaysNoPart_IsStillPublished(ClaimStage killedIn)
    {
        using var rooms = new Rooms().WithShippedTemplates();
        var claim = rooms.Claims().TryClaim(rooms.Drop("seed.json", ServiceSandbox.SeedJson))!;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            claim.RecordAttempt(); // three attempts counted so far
        }

        claim.Enter(killedIn); // and the last one killed from outside there
        claim.Dispose();

        await rooms.Processor().RecoverAsync(TestContext.Current.CancellationToken);

        ServiceSandbox.AssertValidDocx(Path.Combine(rooms.Folders.Out, "seed.docx"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(rooms.Folders.Failed));
    }

    [Fact]
    public void ClaimStage_IsKeptBesideTheAttemptCount_ForWhoeverTakesTheClaimOver()
    {
        using var rooms = new Rooms();
        var claims = rooms.Claims();
        var claim = claims.TryClaim(rooms.Drop("seed.json", ServiceSandbox.SeedJson))!;
        claim.RecordAttempt();
        claim.Enter(ClaimStage.ConvertingPdf);
        claim.Dispose();

        using var taken = claims.TakeAbandoned().Single();

        Assert.Equal(ClaimStage.ConvertingPdf, taken.Stage);
        Assert.Equal(2, taken.RecordAttempt());
        Assert.Equal(ClaimStage.Claimed, taken.Stage);
    }

    [Fact]
    public async Task WithoutAUsableTemplate_NothingIsTaken()
    {
        using var rooms = new Rooms().WithShippedTemplates();
        File.Delete(Path.Combine(rooms.Options.Templates!, rooms.Options.Template));
        var path = rooms.Drop("seed.json", ServiceSandbox.SeedJson);

        Assert.False(await rooms.Processor().TryProcessAsync(path, TestContext.Current.CancellationToken));

        Assert.True(File.Exists(path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(rooms.Folders.Processing));
    }
}
