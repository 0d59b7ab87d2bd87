using System.Diagnostics;
using System.Security.Cryptography;

namespace DocGen.Worker.Tests.Service;

/// <summary>
/// What anyone who can write to DocGen's own folders (one share often holds the whole root) can
/// plant there: a forged publish manifest, a FIFO or a link under a name DocGen is about to use, a
/// link in place of a claim. Nothing is followed, waited on or carried out; the submission still
/// goes through, and what was planted is moved aside to quarantine/.
/// </summary>
public sealed class PlantedNamesTests
{
    private static void Shell(string script, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", script, "bash", .. args]) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
    }

    [Fact]
    public async Task ForgedManifest_WithPathsOutsideTheFolders_MovesNothing_AndIsQuarantined()
    {
        await using var box = new ServiceSandbox();
        var template = box.TemplateFile;
        var templateHash = SHA256.HashData(File.ReadAllBytes(template));
        var outside = Path.Combine(box.Folder, "outside.docx");
        File.WriteAllText(outside, "not DocGen's");
        var claim = Path.Combine(box.Processing, "20261207000000000-forged");
        Directory.CreateDirectory(claim);
        File.WriteAllText(Path.Combine(claim, ".docgen-publish.json"), System.Text.Json.JsonSerializer.Serialize(new
        {
            outcome = "success",
            stem = "x",
            moves = new object[]
            {
                new { from = "../../templates/performance-goals.docx", to = Path.Combine(box.Folder, "stolen.docx"), overwrite = true },
                new { from = outside, to = Path.Combine(box.Out, "x.docx"), overwrite = true },
                new { from = ".docgen-result.docx", to = "../../templates/performance-goals.docx", overwrite = true },
            },
        }));

        await box.StartHostAsync();
        await box.WaitUntilAsync(() => !Directory.Exists(claim), "the planted claim taken and ended");

        Assert.Equal(templateHash, SHA256.HashData(File.ReadAllBytes(template)));
        Assert.True(File.Exists(outside));
        Assert.False(File.Exists(Path.Combine(box.Folder, "stolen.docx")));
        Assert.Empty(ServiceSandbox.Names(box.Out));
        Assert.Contains(ServiceSandbox.Names(box.Quarantine), static n => n.EndsWith("-.docgen-publish.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FifoAndZeroLink_PlantedAsTheReceiptName_NeitherHangNorRead_AndTheSubmissionIsPublished()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs are a Linux matter here");
        await using var box = new ServiceSandbox();
        Directory.CreateDirectory(box.Archive);
        Shell("mkfifo \"$1/x.receipt.json\" && ln -s /dev/zero \"$1/y.receipt.json\" && ln -s /dev/zero \"$1/y.2.receipt.json\"", box.Archive);
        await box.StartHostAsync();

        box.Drop("x.json", ServiceSandbox.SeedJson);
        box.Drop("y.json", ServiceSandbox.SeedJson);
        await box.WaitUntilAsync(() => box.HasFinishedReceipt("x.receipt.json") && box.HasFinishedReceipt("y.receipt.json") && box.Idle(), "both published under their own names");

        Assert.Equal(["x.docx", "y.docx"], ServiceSandbox.Names(box.Out));
        Assert.Empty(ServiceSandbox.Names(box.Failed));
        var quarantined = Directory.EnumerateFileSystemEntries(box.Quarantine).Select(static e => Path.GetFileName(e)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, quarantined.Count); // the FIFO and the first link; y.2's name was never needed
        Assert.All(quarantined, static n => Assert.Matches(@"^\d{8}-\d{6}-archive-[xy]\.receipt\.json$", n));
    }

    [Fact]
    public async Task LinkInPlaceOfAClaim_IsNeverEntered_AndWhatItPointsToIsUntouched()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "links are a Unix matter");
        await using var box = new ServiceSandbox();
        var victim = Path.Combine(box.Folder, "victim");
        Directory.CreateDirectory(victim);
        File.WriteAllText(Path.Combine(victim, ".profile"), "keep me");
        File.WriteAllText(Path.Combine(victim, "report.json"), ServiceSandbox.SeedJson);
        Directory.CreateDirectory(box.Processing);
        Shell("ln -s \"$2\" \"$1/20261207000000000-link\"", box.Processing, victim);

        await box.StartHostAsync();
        await box.RunRescansAsync(3);

        Assert.Equal("keep me", File.ReadAllText(Path.Combine(victim, ".profile")));
        Assert.True(File.Exists(Path.Combine(victim, "report.json")));
        Assert.False(File.Exists(Path.Combine(victim, ".docgen-lock")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(box.Processing));
        Assert.Single(Directory.EnumerateFileSystemEntries(box.Quarantine));
        Assert.Empty(ServiceSandbox.Names(box.Out));
    }

    [Fact]
    public async Task LockFileLinkedToAFileOutside_IsNeverOpened_AndTheClaimIsFinished()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "links are a Unix matter");
        await using var box = new ServiceSandbox();
        var victim = Path.Combine(box.Folder, "victim.txt");
        File.WriteAllText(victim, "keep me whole");
        var claim = Path.Combine(box.Processing, "20261207000000000-planted");
        Directory.CreateDirectory(claim);
        File.WriteAllText(Path.Combine(claim, "a.json"), ServiceSandbox.SeedJson);
        Shell("ln -s \"$2\" \"$1/.docgen-lock\" && mkfifo \"$1/.docgen-last-failure\"", claim, victim);

        await box.StartHostAsync();
        await box.WaitUntilAsync(() => box.HasFinishedReceipt("a.receipt.json") && box.Idle(), "the claim's submission published");

        Assert.Equal("keep me whole", File.ReadAllText(victim));
        Assert.Equal(["a.docx"], ServiceSandbox.Names(box.Out));
    }
}
