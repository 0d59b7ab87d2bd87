using DocGen.Worker.Cli;

namespace DocGen.Worker.Tests.Cli;

/// <summary><c>docgen workbook</c> and <c>docgen convert</c>: a submission to its workbook and back, and what they say when they cannot.</summary>
public sealed class WorkbookCommandTests : IDisposable
{
    private static readonly string s_root = CliTests.Root;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("docgen-workbook-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Workbook_ThenConvert_GivesTheSubmissionBack_AndRenderTakesTheWorkbook()
    {
        var book = Path.Combine(_folder.FullName, "申报表.xlsx");
        var json = Path.Combine(_folder.FullName, "申报表.json");
        var templates = Path.Combine(s_root, "templates");

        var written = await CliTests.Run("workbook", Path.Combine(s_root, "fixtures", "S001-seed.json"), "-o", book, "--templates", templates);
        var converted = await CliTests.Run("convert", book, "-o", json, "--templates", templates);
        var rendered = await CliTests.Run("render", book, "-o", Path.Combine(_folder.FullName, "申报表.docx"), "--templates", templates);

        Assert.Equal(ExitCodes.Ok, written.Exit);
        Assert.Equal(ExitCodes.Ok, converted.Exit);
        Assert.Contains("工作表“绩效指标”", converted.Out, StringComparison.Ordinal); // the warnings name their cells
        Assert.Contains("\"kind\": \"combined\"", await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, rendered.Exit);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "申报表.docx")));
    }

    [Fact]
    public async Task BlankWorkbook_IsWrittenWithoutInput_AndConvertsToASubmissionWithErrors()
    {
        var book = Path.Combine(_folder.FullName, "blank.xlsx");

        var written = await CliTests.Run("workbook", "-o", book, "--templates", Path.Combine(s_root, "templates"));
        var converted = await CliTests.Run("convert", book, "-o", Path.Combine(_folder.FullName, "blank.json"), "--templates", Path.Combine(s_root, "templates"));

        Assert.Equal(ExitCodes.Ok, written.Exit);
        Assert.Equal(ExitCodes.Invalid, converted.Exit);
        Assert.Contains("工作表“基本信息”第 2 行 B 列（B2）", converted.Out, StringComparison.Ordinal); // 申报类型 missing, where to fill it
    }

    [Fact]
    public async Task Workbook_FromJsonThatCannotBeRead_ExitsOneWithTheSyntaxReport()
    {
        var (exit, output, error) = await CliTests.Run("workbook", Path.Combine(s_root, "fixtures", "drafts", "C004-fullwidth-comma-after-a-number.json"), "-o", Path.Combine(_folder.FullName, "x.xlsx"), "--templates", Path.Combine(s_root, "templates"));

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains("第 5 行", output, StringComparison.Ordinal);
        Assert.Contains("未生成工作簿", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.FullName, "x.xlsx")));
    }

    [Fact]
    public async Task Convert_UnreadableWorkbook_ExitsOneAndWritesNothing()
    {
        var book = Path.Combine(_folder.FullName, "old.xlsx");
        await File.WriteAllBytesAsync(book, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], TestContext.Current.CancellationToken);

        var (exit, output, _) = await CliTests.Run("convert", book, "--templates", Path.Combine(s_root, "templates"));

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains("[X2]", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.ChangeExtension(book, ".json")));
    }
}
