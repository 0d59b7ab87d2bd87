using System.Text.Json;
using DocGen.Workbooks.Writing;

namespace DocGen.Worker.Tests.Service;

/// <summary>The inbox service takes an Excel workbook like a JSON file: the same claim, publish and receipt; the workbook archived with the JSON it was read as.</summary>
public sealed class WorkbookSubmissionTests
{
    [Fact]
    public async Task DroppedWorkbook_BecomesTheDocument_NamedForItsUnitAndYear_WithItsWarningsBesideIt_ArchivedWithItsConvertedJson()
    {
        await using var box = new ServiceSandbox();
        await box.StartHostAsync();
        var workbook = Workbook(ServiceSandbox.SeedJson);
        const string Stem = "区直工委-2021-申报表"; // the blank workbook's name says nobody's: the outputs say whose

        box.Drop("申报表.xlsx", workbook);
        await box.WaitUntilAsync(() => box.HasFinishedReceipt(Stem + ".receipt.json"), "the workbook processed");

        Assert.Equal([Stem + ".docx", Stem + ".warnings.txt"], ServiceSandbox.Names(box.Out));
        ServiceSandbox.AssertValidDocx(Path.Combine(box.Out, Stem + ".docx"));
        var note = await File.ReadAllBytesAsync(Path.Combine(box.Out, Stem + ".warnings.txt"), TestContext.Current.CancellationToken);
        AssertWindowsText(note);
        var text = System.Text.Encoding.UTF8.GetString(note);
        Assert.Contains("文档已生成", text, StringComparison.Ordinal);
        Assert.Contains("[V22] 提醒 — 工作表“绩效指标”", text, StringComparison.Ordinal);
        AssertClerkWords(text);
        Assert.Equal([Stem + ".json", Stem + ".receipt.json", Stem + ".xlsx"], ServiceSandbox.Names(box.Archive));
        Assert.Equal(workbook, await File.ReadAllBytesAsync(Path.Combine(box.Archive, Stem + ".xlsx"), TestContext.Current.CancellationToken));
        using var receipt = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(box.Archive, Stem + ".receipt.json"), TestContext.Current.CancellationToken));
        Assert.Equal("申报表.xlsx", receipt.RootElement.GetProperty("submission").GetString());
        Assert.Equal(Path.Combine("archive", Stem + ".json"), receipt.RootElement.GetProperty("converted").GetString());
        using var converted = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(box.Archive, Stem + ".json"), TestContext.Current.CancellationToken));
        Assert.Equal("combined", converted.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task TwoUnitsDroppingTheBlankWorkbooksName_EachFindTheirOwnDocumentByItsName()
    {
        await using var box = new ServiceSandbox();
        await box.StartHostAsync();
        var other = System.Text.Json.Nodes.JsonNode.Parse(ServiceSandbox.SeedJson)!.AsObject();
        other["unit"] = new System.Text.Json.Nodes.JsonObject { ["code"] = "286002", ["name"] = "山海关区财政局", ["shortName"] = "区财政局" };

        box.Drop("申报表.xlsx", Workbook(ServiceSandbox.SeedJson));
        await box.WaitUntilAsync(() => box.Idle() && box.FinishedReceipts() == 1, "the first unit's workbook processed");
        box.Drop("申报表.xlsx", Workbook(other.ToJsonString()));
        await box.WaitUntilAsync(() => box.Idle() && box.FinishedReceipts() == 2, "the second unit's workbook processed");

        Assert.Equal(["区直工委-2021-申报表.docx", "区财政局-2021-申报表.docx"], ServiceSandbox.Names(box.Out, "*.docx"));
    }

    [Fact]
    public async Task WorkbookNestedAHundredThousandDeep_GoesToFailedWithX4_AndTheServiceKeepsRunning()
    {
        await using var box = new ServiceSandbox();
        using var service = box.StartProcess();
        var deep = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"4\"><c r=\"H4\" t=\"inlineStr\"><is>"
            + string.Concat(Enumerable.Repeat("<r>", 100_000)) + "<t>x</t>" + string.Concat(Enumerable.Repeat("</r>", 100_000)) + "</is></c></row></sheetData></worksheet>";

        box.Drop("deep.xlsx", WithEntry(Workbook(ServiceSandbox.SeedJson), "xl/worksheets/sheet6.xml", deep));
        box.Drop("after.json", ServiceSandbox.SeedJson);
        await ServiceSandbox.Eventually(() => File.Exists(Path.Combine(box.Failed, "deep.errors.txt")) && File.Exists(Path.Combine(box.Out, "after.docx")) && box.Idle(), "the deep workbook rejected and the next file published", 60);

        Assert.False(service.HasExited);
        Assert.Contains("[X4]", await File.ReadAllTextAsync(Path.Combine(box.Failed, "deep.errors.txt"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(box.Failed, "deep.xlsx")));
        service.Kill(entireProcessTree: true);
        await service.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task WorkbookRead_WithAnUnusableTemporaryFolder_IsStillPublished()
    {
        // Reading a workbook writes nothing outside the service's folders: a temporary folder that is
        // missing (as good as full, for a writer) does not turn a valid workbook into a rejection.
        await using var box = new ServiceSandbox();
        using var service = box.StartProcess(new Dictionary<string, string> { ["TMPDIR"] = Path.Combine(box.Folder, "no-such-temp") }, []);

        box.Drop("申报表.xlsx", Workbook(ServiceSandbox.SeedJson));
        await ServiceSandbox.Eventually(() => (File.Exists(Path.Combine(box.Out, "区直工委-2021-申报表.docx")) || File.Exists(Path.Combine(box.Failed, "区直工委-2021-申报表.errors.txt"))) && box.Idle(), "the workbook processed", 60);

        Assert.True(File.Exists(Path.Combine(box.Out, "区直工委-2021-申报表.docx")), File.Exists(Path.Combine(box.Failed, "区直工委-2021-申报表.errors.txt")) ? File.ReadAllText(Path.Combine(box.Failed, "区直工委-2021-申报表.errors.txt")) : "");
        service.Kill(entireProcessTree: true);
        await service.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task WorkbookWithErrors_GoesToFailed_WithItsReportNamingTheCells()
    {
        await using var box = new ServiceSandbox();
        await box.StartHostAsync();

        // The issue's clerk: a seed workbook with an emptied 三级指标 and 指标值 typed as 很多 (and 三万元 as 预算数).
        var seed = System.Text.Json.Nodes.JsonNode.Parse(ServiceSandbox.SeedJson.Replace("\"30000.00\"", "\"三万元\"", StringComparison.Ordinal))!.AsObject();
        var indicator = seed["projects"]![0]!["indicators"]![0]!.AsObject();
        indicator["name"] = "";
        indicator["value"] = "很多";
        box.Drop("bad.xlsx", Workbook(seed.ToJsonString()));
        const string Stem = "区直工委-2021-bad";
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Failed, Stem + ".errors.txt")) && box.Idle(), "the workbook rejected");

        Assert.Equal([Stem + ".errors.json", Stem + ".errors.txt", Stem + ".xlsx"], ServiceSandbox.Names(box.Failed));
        var bytes = await File.ReadAllBytesAsync(Path.Combine(box.Failed, Stem + ".errors.txt"), TestContext.Current.CancellationToken);
        AssertWindowsText(bytes);
        var report = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Contains("工作表“预算项目”第 2 行 D 列（D2）", report, StringComparison.Ordinal);
        Assert.Contains("[V16] 错误 — 工作表“绩效指标”第 2 行", report, StringComparison.Ordinal);
        Assert.Contains("“很多”", report, StringComparison.Ordinal);
        AssertClerkWords(report);
    }

    [Fact]
    public async Task OldXlsAndMacroWorkbooks_AreRefusedWithAReport_NotIgnored()
    {
        await using var box = new ServiceSandbox();
        await box.StartHostAsync();

        box.Drop("old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        box.Drop("macro.xlsm", Workbook(ServiceSandbox.SeedJson));
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Failed, "old.errors.txt")) && File.Exists(Path.Combine(box.Failed, "macro.errors.txt")) && box.Idle(), "both refused");

        Assert.Contains("另存为", await File.ReadAllTextAsync(Path.Combine(box.Failed, "old.errors.txt"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("[X3]", await File.ReadAllTextAsync(Path.Combine(box.Failed, "macro.errors.txt"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(["macro.errors.json", "macro.errors.txt", "macro.xlsm", "old.errors.json", "old.errors.txt", "old.xls"], ServiceSandbox.Names(box.Failed));
    }

    /// <summary>What the oldest Notepad an office runs reads as Chinese, on lines: UTF-8 with its byte-order mark, CRLF line ends only.</summary>
    private static void AssertWindowsText(byte[] bytes)
    {
        Assert.Equal(System.Text.Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        for (var i = 0; i < bytes.Length; i++)
        {
            Assert.True(bytes[i] != (byte)'\n' || (i > 0 && bytes[i - 1] == (byte)'\r'), "a line feed without its carriage return");
        }
    }

    /// <summary>A clerk's report: no JSON path, no English sentence.</summary>
    private static void AssertClerkWords(string report)
    {
        Assert.DoesNotContain("路径", report, StringComparison.Ordinal);
        Assert.DoesNotContain("$.", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Path", report, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b(the|is|a|an|of|Expected|must)\b [a-z]", report);
        // No JSON member or value name: past the file's own name, every Latin word is a code, or what the clerk sees on screen.
        Assert.All(System.Text.RegularExpressions.Regex.Matches(report[(report.IndexOf('\n', StringComparison.Ordinal) + 1)..], "[A-Za-z]{2,}").Select(static m => m.Value),
            static word => Assert.Matches("^(xlsx|Excel|WPS|TRUE|FALSE|[A-Z][0-9]*)$", word));
    }

    private static byte[] Workbook(string json)
        => WorkbookWriter.Write((System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(json)!, Core.Frameworks.FrameworkCatalog.LoadFolder(Path.Combine(Cli.CliTests.Root, "templates")));

    /// <summary>A workbook with one part's content replaced.</summary>
    private static byte[] WithEntry(byte[] workbook, string name, string content)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(name)!.Delete();
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(System.Text.Encoding.UTF8.GetBytes(content));
        }

        return stream.ToArray();
    }
}
