using System.Text.Json;
using DocGen.Core.Rules;

namespace DocGen.Worker.Tests.Service;

public sealed class InboxServiceTests
{
    [Fact]
    public async Task ValidSubmission_BecomesADocument_WithTheInputArchivedBesideAReceipt()
    {
        await using var box = new ServiceSandbox();
        await box.StartHostAsync();

        box.Drop("seed.json", ServiceSandbox.SeedJson);
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Archive, "seed.json")) && box.Idle(), "seed archived and its claim gone");

        Assert.Equal(["seed.docx"], ServiceSandbox.Names(box.Out));
        ServiceSandbox.AssertValidDocx(Path.Combine(box.Out, "seed.docx"));
        using var receipt = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(box.Archive, "seed.receipt.json"), TestContext.Current.CancellationToken));
        var r = receipt.RootElement;
        Assert.Equal("seed.json", r.GetProperty("submission").GetString());
        Assert.Equal(64, r.GetProperty("inputSha256").GetString()!.Length);
        Assert.Equal(Path.Combine("out", "seed.docx"), r.GetProperty("output").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(box.Out, "seed.docx"), TestContext.Current.CancellationToken))), r.GetProperty("outputSha256").GetString());
        Assert.Equal("performance-goals.docx", r.GetProperty("template").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(box.Templates, "performance-goals.docx"), TestContext.Current.CancellationToken))), r.GetProperty("templateSha256").GetString());
        var warnings = r.GetProperty("warnings").EnumerateArray().ToList();
        Assert.Equal(11, warnings.Sum(static w => w.GetProperty("count").GetInt32())); // grouped by rule: a receipt stays small
        Assert.All(warnings, static w => Assert.InRange(w.GetProperty("paths").GetArrayLength(), 1, 5));
        Assert.True(r.GetProperty("timings").GetProperty("totalMs").GetDouble() > 0);
        Assert.Empty(ServiceSandbox.Names(box.Inbox));
        Assert.Empty(Directory.EnumerateFileSystemEntries(box.Processing));
    }

    [Fact]
    public async Task InvalidSubmission_GoesToFailed_WithAChineseReportAndAJsonReport()
    {
        await using var box = new ServiceSandbox();
        await box.StartHostAsync();

        box.Drop("bad.json", """{ "kind": "combined", "fiscalYear": "二〇二一" }""");
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Failed, "bad.json")), "bad.json rejected");

        Assert.Equal(["bad.errors.json", "bad.errors.txt", "bad.json"], ServiceSandbox.Names(box.Failed));
        var text = await File.ReadAllTextAsync(Path.Combine(box.Failed, "bad.errors.txt"), TestContext.Current.CancellationToken);
        Assert.StartsWith("文件 File: bad.json", text, StringComparison.Ordinal);
        Assert.Contains("$.fiscalYear", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(box.Failed, "bad.errors.json"), TestContext.Current.CancellationToken));
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Empty(ServiceSandbox.Names(box.Out));
    }

    [Fact]
    public async Task HalfWrittenFile_IsTakenOnlyOnceComplete_AndTemporaryNamesAreIgnored()
    {
        await using var box = new ServiceSandbox();
        await box.StartHostAsync();
        Directory.CreateDirectory(box.Inbox);
        var half = ServiceSandbox.SeedJson.Length / 2;

        // A slow plain copy: the first half now, the rest a moment later.
        var path = Path.Combine(box.Inbox, "slow.json");
        await File.WriteAllTextAsync(path, ServiceSandbox.SeedJson[..half], TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(box.Inbox, "pending.json.tmp"), ServiceSandbox.SeedJson, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(box.Inbox, "~$locked.json"), "x", TestContext.Current.CancellationToken);

        // Rescans look at the half file, but less time passes than StableFor: it must be left alone.
        await box.RunRescansAsync(2);
        Assert.True(File.Exists(path), "the half-written file was taken before it stopped changing");
        await File.AppendAllTextAsync(path, ServiceSandbox.SeedJson[half..], TestContext.Current.CancellationToken);

        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Archive, "slow.json")), "slow.json processed");
        Assert.Equal(["slow.docx"], ServiceSandbox.Names(box.Out));
        Assert.Empty(ServiceSandbox.Names(box.Failed));
        await box.RunRescansAsync(10);
        Assert.Equal(["pending.json.tmp", "~$locked.json"], ServiceSandbox.Names(box.Inbox));
    }

    [Fact]
    public async Task TruncatedFileThatStopsChanging_IsRejectedAfterTheStabilityWait()
    {
        await using var box = new ServiceSandbox();
        await box.StartHostAsync();

        box.Drop("cut.json", ServiceSandbox.SeedJson[..100]);

        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Failed, "cut.json")), "cut.json rejected");
        Assert.Contains(RuleCodes.D1, await File.ReadAllTextAsync(Path.Combine(box.Failed, "cut.errors.txt"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReusedName_NeverOverwrites_ButGetsTheNextNumber()
    {
        await using var box = new ServiceSandbox();
        await box.StartHostAsync();

        box.Drop("a.json", ServiceSandbox.SeedJson);
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Archive, "a.json")), "first a.json");
        box.Drop("a.json", ServiceSandbox.SeedJson);
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Archive, "a.2.json")), "second a.json");
        box.Drop("a.json", "{}");
        box.Drop("b.json", "{}");
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Failed, "a.json")) && File.Exists(Path.Combine(box.Failed, "b.json")), "rejected a.json");
        box.Drop("a.json", "{}");
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Failed, "a.2.json")), "second rejected a.json");

        Assert.Equal(["a.2.docx", "a.docx"], ServiceSandbox.Names(box.Out));
        Assert.Equal(["a.2.json", "a.2.receipt.json", "a.json", "a.receipt.json"], ServiceSandbox.Names(box.Archive));
        Assert.Contains("a.2.errors.txt", ServiceSandbox.Names(box.Failed));
    }

    [Fact]
    public async Task TemplateReplacedWithABrokenOne_KeepsTheLastGood_ReportsBesideIt_ThenTheFixIsUsed()
    {
        await using var box = new ServiceSandbox();
        await box.StartHostAsync();
        var good = await File.ReadAllBytesAsync(box.TemplateFile, TestContext.Current.CancellationToken);
        var report = box.TemplateFile + ".errors.txt";

        await File.WriteAllTextAsync(box.TemplateFile, "broken", TestContext.Current.CancellationToken);
        await box.WaitUntilAsync(() => File.Exists(report), "template error report");
        Assert.Contains(RuleCodes.T0, await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken), StringComparison.Ordinal);

        box.Drop("during.json", ServiceSandbox.SeedJson);
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Out, "during.docx")) && box.Idle(), "rendered with the last good template");

        // Fixed, with a visible change: the new version is used for the next submission.
        var changed = ChangeTitle(good, "部门整体绩效目标", "部门整体绩效目标（修订版）");
        await File.WriteAllBytesAsync(box.TemplateFile, changed, TestContext.Current.CancellationToken);
        await box.WaitUntilAsync(() => !File.Exists(report), "template error report removed");
        box.Drop("after.json", ServiceSandbox.SeedJson);
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Out, "after.docx")) && box.Idle(), "rendered with the fixed template");

        Assert.Contains("修订版", DocumentText(Path.Combine(box.Out, "after.docx")), StringComparison.Ordinal);
        Assert.DoesNotContain("修订版", DocumentText(Path.Combine(box.Out, "during.docx")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoInstancesOnTheSameFolders_ProcessEveryFileExactlyOnce()
    {
        await using var box = new ServiceSandbox();
        await box.StartHostAsync();
        await box.StartHostAsync();
        const int Count = 300;

        for (var i = 0; i < Count; i++)
        {
            box.Drop($"s{i:D3}.json", ServiceSandbox.SeedJson);
        }

        await box.WaitUntilAsync(() => box.FinishedReceipts() == Count && ServiceSandbox.Names(box.Inbox).Count == 0, "all processed", 120);
        await box.WaitUntilAsync(() => !Directory.EnumerateFileSystemEntries(box.Processing).Any(), "claims removed");

        var expected = Enumerable.Range(0, Count).Select(static i => $"s{i:D3}").ToList();
        Assert.Equal(expected.Select(static s => s + ".docx"), ServiceSandbox.Names(box.Out));
        Assert.Equal(expected.Select(static s => s + ".json"), ServiceSandbox.Names(box.Archive).Where(static n => !n.EndsWith(".receipt.json", StringComparison.Ordinal)));
        Assert.Empty(ServiceSandbox.Names(box.Failed));
        Assert.Empty(Directory.EnumerateFileSystemEntries(box.Processing));
    }

    [Fact]
    public async Task SubmissionTheTemplateCannotFill_EndsInFailedWithAReport_NotStuckInProcessing()
    {
        await using var box = new ServiceSandbox();
        var template = await File.ReadAllBytesAsync(box.TemplateFile, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(box.TemplateFile, DocGen.Tests.Shared.DocxEdit.WithPart(template, "word/document.xml",
            static xml => xml.Replace("{{indicatorValue this}}", "{{amount value}}", StringComparison.Ordinal)), TestContext.Current.CancellationToken);
        await box.StartHostAsync();

        // A qualitative indicator has no numeric value for {{amount value}}.
        var node = System.Text.Json.Nodes.JsonNode.Parse(ServiceSandbox.SeedJson)!;
        var indicator = node["projects"]![0]!["indicators"]![1]!.AsObject();
        indicator["nature"] = "qualitative";
        indicator["valueText"] = "达成目标";
        indicator.Remove("comparator");
        indicator.Remove("value");
        indicator.Remove("unit");
        box.Drop("qual.json", node.ToJsonString());

        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Failed, "qual.json")) && box.Idle(), "qual.json rejected and its claim gone");
        Assert.Contains("[T9]", await File.ReadAllTextAsync(Path.Combine(box.Failed, "qual.errors.txt"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(box.Processing));
    }

    [Fact]
    public async Task InvalidConfiguration_StopsAtStartWithAClearMessage()
    {
        await using var box = new ServiceSandbox();
        using var error = new StringWriter();

        var exit = await DocGen.Worker.Service.ServiceHost.RunAsync(box.Arguments("--DocGen:MaxConcurrency=0", "--DocGen:RescanInterval=00:00:00"), error, TestContext.Current.CancellationToken);

        Assert.Equal(DocGen.Worker.ExitCodes.UsageOrIo, exit);
        Assert.Contains("MaxConcurrency", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("RescanInterval", error.ToString(), StringComparison.Ordinal);
    }

    internal static string DocumentText(string docx)
    {
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }

    private static byte[] ChangeTitle(byte[] template, string from, string to)
        => DocGen.Tests.Shared.DocxEdit.WithPart(template, "word/document.xml", xml => xml.Replace(">" + from + "<", ">" + to + "<", StringComparison.Ordinal));
}
