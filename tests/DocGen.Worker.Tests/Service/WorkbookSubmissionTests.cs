using System.Text.Json;
using DocGen.Workbooks.Writing;

namespace DocGen.Worker.Tests.Service;

/// <summary>The inbox service takes an Excel workbook like a JSON file: the same claim, publish and receipt; the workbook archived with the JSON it was read as.</summary>
public sealed class WorkbookSubmissionTests
{
    [Fact]
    public async Task DroppedWorkbook_BecomesTheDocument_ArchivedWithItsConvertedJson()
    {
        await using var box = new ServiceSandbox();
        await box.StartHostAsync();
        var workbook = Workbook(ServiceSandbox.SeedJson);

        box.Drop("申报表.xlsx", workbook);
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Archive, "申报表.receipt.json")), "the workbook processed");

        Assert.Equal(["申报表.docx"], ServiceSandbox.Names(box.Out));
        ServiceSandbox.AssertValidDocx(Path.Combine(box.Out, "申报表.docx"));
        Assert.Equal(["申报表.json", "申报表.receipt.json", "申报表.xlsx"], ServiceSandbox.Names(box.Archive));
        Assert.Equal(workbook, await File.ReadAllBytesAsync(Path.Combine(box.Archive, "申报表.xlsx"), TestContext.Current.CancellationToken));
        using var receipt = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(box.Archive, "申报表.receipt.json"), TestContext.Current.CancellationToken));
        Assert.Equal("申报表.xlsx", receipt.RootElement.GetProperty("submission").GetString());
        Assert.Equal(Path.Combine("archive", "申报表.json"), receipt.RootElement.GetProperty("converted").GetString());
        using var converted = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(box.Archive, "申报表.json"), TestContext.Current.CancellationToken));
        Assert.Equal("combined", converted.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task WorkbookWithErrors_GoesToFailed_WithItsReportNamingTheCells()
    {
        await using var box = new ServiceSandbox();
        await box.StartHostAsync();

        box.Drop("bad.xlsx", Workbook(ServiceSandbox.SeedJson.Replace("\"30000.00\"", "\"三万元\"", StringComparison.Ordinal)));
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Failed, "bad.errors.txt")), "the workbook rejected");

        Assert.Equal(["bad.errors.json", "bad.errors.txt", "bad.xlsx"], ServiceSandbox.Names(box.Failed));
        var report = await File.ReadAllTextAsync(Path.Combine(box.Failed, "bad.errors.txt"), TestContext.Current.CancellationToken);
        Assert.Contains("工作表“预算项目”第 2 行 D 列（D2）", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OldXlsAndMacroWorkbooks_AreRefusedWithAReport_NotIgnored()
    {
        await using var box = new ServiceSandbox();
        await box.StartHostAsync();

        box.Drop("old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        box.Drop("macro.xlsm", Workbook(ServiceSandbox.SeedJson));
        await box.WaitUntilAsync(() => File.Exists(Path.Combine(box.Failed, "old.errors.txt")) && File.Exists(Path.Combine(box.Failed, "macro.errors.txt")), "both refused");

        Assert.Contains("另存为", await File.ReadAllTextAsync(Path.Combine(box.Failed, "old.errors.txt"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("[X3]", await File.ReadAllTextAsync(Path.Combine(box.Failed, "macro.errors.txt"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(["macro.errors.json", "macro.errors.txt", "macro.xlsm", "old.errors.json", "old.errors.txt", "old.xls"], ServiceSandbox.Names(box.Failed));
    }

    private static byte[] Workbook(string json)
        => WorkbookWriter.Write((System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(json)!, Core.Frameworks.FrameworkCatalog.LoadFolder(Path.Combine(Cli.CliTests.Root, "templates")));
}
