using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DocGen.Worker.Tests.Service;

/// <summary>What a careless or hostile user can drop into the shared inbox: each ends with a report, nothing hangs, leaks or sticks.</summary>
public sealed class HostileInboxTests
{
    private static void Shell(string script, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", script, "bash", .. args]) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
    }

    private static string Errors(ServiceSandbox box, string stem) => File.ReadAllText(Path.Combine(box.Failed, stem + ".errors.txt"));

    private static bool Idle(ServiceSandbox box) => ServiceSandbox.Names(box.Inbox).Count == 0 && !Directory.EnumerateFileSystemEntries(box.Processing).Any();

    [Fact]
    public async Task LinksFifosAndFolders_AreRefusedToFailed_UnreadAndUnfollowed_WhileValidFilesFlow()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs and statx are Linux matters");
        await using var box = new ServiceSandbox();
        var outside = Path.Combine(box.Folder, "outside.json");
        File.WriteAllText(outside, ServiceSandbox.SeedJson);
        var outsideHash = SHA256.HashData(File.ReadAllBytes(outside));
        var outsideTime = File.GetLastWriteTimeUtc(outside);
        await box.StartHostAsync();

        Shell("mkfifo \"$1/fifo.json\" && ln -s /dev/zero \"$1/zero.json\" && ln -s \"$2\" \"$1/outside.json\" && mkdir \"$1/folder.json\"", box.Inbox, outside);
        for (var i = 0; i < 3; i++)
        {
            box.Drop($"ok{i}.json", ServiceSandbox.SeedJson);
        }

        await box.WaitUntilAsync(() => Idle(box) && ServiceSandbox.Names(box.Failed, "*.errors.txt").Count == 4, "every entry ended");

        Assert.Equal(["ok0.docx", "ok1.docx", "ok2.docx"], ServiceSandbox.Names(box.Out));
        foreach (var stem in new[] { "fifo", "zero", "outside", "folder" })
        {
            Assert.Contains("[D10]", Errors(box, stem), StringComparison.Ordinal);
        }

        Assert.Contains("符号链接", Errors(box, "zero"), StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(box.Failed, "folder.json")));
        Assert.Equal(outsideHash, SHA256.HashData(File.ReadAllBytes(outside)));
        Assert.Equal(outsideTime, File.GetLastWriteTimeUtc(outside));
    }

    [Fact]
    public async Task HardLinkToAFileOutside_IsRefusedOnceItStaysOne()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "link counts are read with statx");
        await using var box = new ServiceSandbox();
        var outside = Path.Combine(box.Folder, "secret.json");
        File.WriteAllText(outside, ServiceSandbox.SeedJson);
        await box.StartHostAsync();

        Shell("ln \"$2\" \"$1/linked.json\"", box.Inbox, outside);
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Failed, "linked.errors.txt")) && box.Idle(), "the hard link refused");

        Assert.Contains("硬链接", Errors(box, "linked"), StringComparison.Ordinal);
        Assert.Empty(ServiceSandbox.Names(box.Out));
        Assert.Equal(ServiceSandbox.SeedJson, File.ReadAllText(outside));
    }

    [Fact]
    public async Task HugeFile_IsRefusedAtOnceBySize_NeverRead()
    {
        await using var box = new ServiceSandbox();
        await box.StartHostAsync();
        Directory.CreateDirectory(box.Inbox);
        using (var huge = File.Create(Path.Combine(box.Inbox, ".huge.json.tmp")))
        {
            huge.SetLength(1_900_000_000); // sparse
        }

        File.Move(Path.Combine(box.Inbox, ".huge.json.tmp"), Path.Combine(box.Inbox, "huge.json"));
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Failed, "huge.errors.txt")) && box.Idle(), "huge.json refused");

        Assert.Contains("[D3]", Errors(box, "huge"), StringComparison.Ordinal);
        Assert.True(Process.GetCurrentProcess().PeakWorkingSet64 < 1_000_000_000, "the file was read");
    }

    public static TheoryData<string> CutClasses => ["between tokens", "inside a string", "inside a 2-byte character", "inside a 3-byte character", "inside a 4-byte character"];

    [Theory]
    [MemberData(nameof(CutClasses))]
    public async Task PlainCopyInTwoParts_IsJudgedOnceWhole_WhereverItIsCut(string cut)
    {
        await using var box = new ServiceSandbox();
        var text = ServiceSandbox.SeedJson.Replace("\"fundPurpose\": \"", "\"fundPurpose\": \"资金用途 café 𠀀 ", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = cut switch
        {
            "between tokens" => Encoding.UTF8.GetByteCount(text[..(text.IndexOf("\"fiscalYear\"", StringComparison.Ordinal) - 1)]),
            "inside a string" => Encoding.UTF8.GetByteCount(text[..(text.IndexOf("combined", StringComparison.Ordinal) + 3)]),
            "inside a 2-byte character" => Encoding.UTF8.GetByteCount(text[..text.IndexOf('é', StringComparison.Ordinal)]) + 1,
            "inside a 3-byte character" => Encoding.UTF8.GetByteCount(text[..text.IndexOf("用途", StringComparison.Ordinal)]) + 2,
            _ => Encoding.UTF8.GetByteCount(text[..text.IndexOf("𠀀", StringComparison.Ordinal)]) + 3,
        };
        await box.StartHostAsync();
        Directory.CreateDirectory(box.Inbox);
        var path = Path.Combine(box.Inbox, "torn.json");

        await File.WriteAllBytesAsync(path, bytes[..at], TestContext.Current.CancellationToken);
        await box.RunRescansAsync(2); // looked at twice, less than StableFor apart
        Assert.True(File.Exists(path), "the first part was judged before the copy finished");
        await using (var rest = new FileStream(path, FileMode.Append))
        {
            await rest.WriteAsync(bytes.AsMemory(at), TestContext.Current.CancellationToken);
        }

        await box.WaitUntilAsync(() => Idle(box) && ServiceSandbox.Names(box.Out).Count + ServiceSandbox.Names(box.Failed).Count > 0, "torn.json ended");
        Assert.Equal(["torn.docx"], ServiceSandbox.Names(box.Out));
        Assert.Empty(ServiceSandbox.Names(box.Failed));
    }

    [Fact]
    public async Task NamesLikeAnotherFilesReceiptOrReport_DroppedTogether_AllEndWithTheirOwnNames()
    {
        await using var box = new ServiceSandbox();
        await box.StartHostAsync();
        const int Pairs = 25;
        for (var i = 0; i < Pairs; i++)
        {
            box.Drop($"p{i}.receipt.json", ServiceSandbox.SeedJson);
            box.Drop($"p{i}.json", ServiceSandbox.SeedJson);
            box.Drop($"q{i}.errors.json", "{}");
            box.Drop($"q{i}.json", "{}");
        }

        await box.WaitUntilAsync(() => Idle(box) && ServiceSandbox.Names(box.Out).Count == 2 * Pairs && ServiceSandbox.Names(box.Failed, "*.errors.txt").Count == 2 * Pairs, "every file ended", 60);

        Assert.Contains("p0.docx", ServiceSandbox.Names(box.Out));
        Assert.Contains("p0_receipt.docx", ServiceSandbox.Names(box.Out));
        Assert.Contains("q0_errors.errors.txt", ServiceSandbox.Names(box.Failed));
        using var receipt = JsonDocument.Parse(File.ReadAllText(Path.Combine(box.Archive, "p0_receipt.receipt.json")));
        Assert.Equal("p0.receipt.json", receipt.RootElement.GetProperty("submission").GetString());
    }

    [Fact]
    public async Task NameTooLongForItsOutputs_IsShortenedDeterministically_TheReceiptKeepsIt()
    {
        await using var box = new ServiceSandbox();
        await box.StartHostAsync();
        var name = new string('预', 81) + ".json"; // 248 bytes: fits the inbox, not name + ".receipt.json"

        box.Drop(name, ServiceSandbox.SeedJson);
        await box.WaitUntilAsync(() => Idle(box) && ServiceSandbox.Names(box.Out).Count == 1, "the long name processed");

        var docx = Assert.Single(ServiceSandbox.Names(box.Out));
        Assert.Matches("^预+~[0-9a-f]{8}\\.docx$", docx);
        Assert.True(Encoding.UTF8.GetByteCount(docx) <= 255);
        var receipt = Assert.Single(ServiceSandbox.Names(box.Archive, "*.receipt.json"));
        Assert.Equal(name, JsonDocument.Parse(File.ReadAllText(Path.Combine(box.Archive, receipt))).RootElement.GetProperty("submission").GetString());
    }

    [Fact]
    public async Task NameThatIsNotUtf8_IsRenamedToItsEscapedForm_AndProcessed()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "raw names are read with readdir");
        await using var box = new ServiceSandbox();
        var seed = Path.Combine(box.Folder, "seed.json");
        File.WriteAllText(seed, ServiceSandbox.SeedJson);
        await box.StartHostAsync();

        Shell("cp \"$2\" \"$1/\"$'\\xb9\\xa4\\xd7\\xf7'.json", box.Inbox, seed); // 工作 in GBK

        await box.WaitUntilAsync(() => Idle(box) && ServiceSandbox.Names(box.Out).Count == 1, "the GBK-named file processed");
        Assert.Equal(["%B9%A4%D7%F7.docx"], ServiceSandbox.Names(box.Out));
    }

    [Fact]
    public async Task OutputFolderRenamedAwayWhileRunning_IsRecreated()
    {
        await using var box = new ServiceSandbox();
        await box.StartHostAsync();
        box.Drop("first.json", ServiceSandbox.SeedJson);
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Out, "first.docx")) && box.Idle(), "first document");

        Directory.Move(box.Out, box.Out + "-old");
        box.Drop("second.json", ServiceSandbox.SeedJson);

        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Out, "second.docx")) && Idle(box), "second document in a recreated out/, and nothing left claimed");
    }

    [Fact]
    public async Task ClaimThatFailedThreeTimes_EndsInFailed_WithTheLastReason()
    {
        await using var box = new ServiceSandbox();
        var claim = Path.Combine(box.Processing, "20260101000000000-deadbeef");
        Directory.CreateDirectory(claim);
        File.WriteAllText(Path.Combine(claim, "stuck.json"), ServiceSandbox.SeedJson);
        File.WriteAllText(Path.Combine(claim, ".docgen-lock"), $"3 {(int)DocGen.Worker.Service.Claims.ClaimStage.Failed}"); // three failed attempts: count, stage
        File.WriteAllText(Path.Combine(claim, ".docgen-last-failure"), "IOException: the share said no");

        await box.StartHostAsync();
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Failed, "stuck.errors.txt")) && Idle(box), "the claim given up, and nothing left claimed");

        var report = Errors(box, "stuck");
        Assert.Contains("[S1]", report, StringComparison.Ordinal);
        Assert.Contains("the share said no", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceStartedWithAZipBombTemplate_KeepsRunning_HoldsTheInbox_AndTakesItOnceFixed()
    {
        await using var box = new ServiceSandbox();
        var good = File.ReadAllBytes(box.TemplateFile);
        using (var bomb = new System.IO.Compression.ZipArchive(File.Create(box.TemplateFile), System.IO.Compression.ZipArchiveMode.Create))
        {
            using var entry = bomb.CreateEntry("word/document.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            entry.Write(new byte[16 * 1024 * 1024]);
        }

        await box.StartHostAsync();
        box.Drop("waiting.json", ServiceSandbox.SeedJson);
        await box.WaitUntilAsync(() => File.Exists(box.TemplateFile + ".errors.txt"), "the template report");
        Assert.Contains("[T10]", File.ReadAllText(box.TemplateFile + ".errors.txt"), StringComparison.Ordinal);
        await box.RunRescansAsync(5);
        Assert.Equal(["waiting.json"], ServiceSandbox.Names(box.Inbox));

        File.WriteAllBytes(box.TemplateFile, good);
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Out, "waiting.docx")) && box.Idle(), "the waiting submission processed");
        Assert.False(File.Exists(box.TemplateFile + ".errors.txt"));
    }

    [Fact]
    public async Task WorkbooksHugeOnceExpanded_AreRefusedWithTheLimitTheyCross_ReportsUnderAMebibyte_AndASeedAfterEachIsPublished()
    {
        await using var box = new ServiceSandbox();
        await box.StartHostAsync();
        var hostile = new Dictionary<string, byte[]>
        {
            ["merged"] = DocGen.Tests.Shared.HostileWorkbooks.MergedLongText(),
            ["merged4"] = DocGen.Tests.Shared.HostileWorkbooks.MergedLongText(columns: 4),
            ["shared"] = DocGen.Tests.Shared.HostileWorkbooks.SharedStringReferences(),
            ["attributes"] = DocGen.Tests.Shared.HostileWorkbooks.AttributeFlood(),
        };
        foreach (var (name, bytes) in hostile)
        {
            box.Drop(name + ".xlsx", bytes);
            box.Drop(name + "-seed.json", ServiceSandbox.SeedJson);
        }

        await box.WaitUntilAsync(() => Idle(box) && ServiceSandbox.Names(box.Failed, "*.errors.txt").Count == hostile.Count && box.FinishedReceipts() == hostile.Count, "every workbook refused and every seed published", 120);

        foreach (var name in hostile.Keys)
        {
            var report = Errors(box, name);
            Assert.Matches(@"\[X(4|10)\]", report); // the limit crossed: its size, or on a slow machine the read time
            Assert.DoesNotContain("[D3]", report, StringComparison.Ordinal); // the limit crossed, not a file of that size
            Assert.InRange(new FileInfo(Path.Combine(box.Failed, name + ".errors.txt")).Length, 1, 1024 * 1024);
            Assert.InRange(new FileInfo(Path.Combine(box.Failed, name + ".errors.json")).Length, 1, 1024 * 1024);
            Assert.True(File.Exists(Path.Combine(box.Out, name + "-seed.docx")));
        }
    }
}

/// <summary>The service's report of a rejected submission is the CLI's, word for word.</summary>
public sealed class ReportParityTests
{
    [Fact]
    public async Task RejectedSubmission_HasTheSameReportInFailedAsFromValidate()
    {
        await using var box = new ServiceSandbox();
        var draft = File.ReadAllText(Path.Combine(DocGen.Tests.Shared.RepoRoot.Path, "fixtures", "drafts", "C002-values-typed-as-people-write-them.json"));
        await box.StartHostAsync();
        box.Drop("draft.json", draft);
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Failed, "draft.errors.txt")) && box.Idle(), "draft rejected");

        var copy = Path.Combine(box.Folder, "draft.json");
        File.WriteAllText(copy, draft);
        var (exit, output, _) = await DocGen.Worker.Tests.Cli.CliTests.Run("validate", copy, "--templates", box.Templates);

        Assert.Equal(1, exit);
        var published = File.ReadAllBytes(Path.Combine(box.Failed, "draft.errors.txt"));
        Assert.Equal(System.Text.Encoding.UTF8.Preamble.ToArray(), published[..3]); // for Notepad: a byte-order mark, CRLF
        Assert.Equal(output.Replace(copy, "draft.json", StringComparison.Ordinal), System.Text.Encoding.UTF8.GetString(published[3..]).ReplaceLineEndings("\n"));
    }
}
