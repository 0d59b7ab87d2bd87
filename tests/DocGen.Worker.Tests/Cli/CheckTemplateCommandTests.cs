using System.Text.Json;
using DocGen.Worker.Cli;
using DocGen.Core.Rules;

namespace DocGen.Worker.Tests.Cli;

public sealed class CheckTemplateCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("docgen-check-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task ShippedTemplates_CheckClean()
    {
        var (exit, output, _) = await CliTests.Run("check-template", "--templates", Path.Combine(CliTests.Root, "templates"));

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("没有问题", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenTemplate_ExitsOne_ListingEveryProblemWithWhere()
    {
        var broken = Path.Combine(_folder.FullName, "broken.docx");
        await File.WriteAllBytesAsync(broken, Edit(static xml => xml
            .Replace("{{fundPurpose}}", "{{fundPurpos}}", StringComparison.Ordinal)
            .Replace("{{amount budget.total}}", "{{amout budget.total}}", StringComparison.Ordinal)), TestContext.Current.CancellationToken);

        var (exit, output, _) = await CliTests.Run("check-template", broken);

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains("2 个问题", output, StringComparison.Ordinal);
        Assert.Contains("第 1 个表格 table 1, 第 4 行 row 4, 第 2 列 cell 2", output, StringComparison.Ordinal);
        Assert.Contains("您是否想写“fundPurpose”", output, StringComparison.Ordinal);
        Assert.Contains("[T6]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AColumnNarrowedByAnAdmin_IsAWarningNamingTheNameThatWouldWrapAlone_AndTheTemplateStaysUsable()
    {
        var narrowed = Path.Combine(_folder.FullName, "narrowed.docx");
        await File.WriteAllBytesAsync(narrowed, Edit(static xml => xml.Replace("<w:tcW w:w=\"2016\" w:type=\"dxa\"/>", "<w:tcW w:w=\"1300\" w:type=\"dxa\"/>", StringComparison.Ordinal)), TestContext.Current.CancellationToken);

        var (exit, output, _) = await CliTests.Run("check-template", narrowed, "--templates", Path.Combine(CliTests.Root, "templates"));

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("可以使用", output, StringComparison.Ordinal);
        Assert.Contains("[T12] 警告 Warning — 正文 body, 第 2 个表格 table 2, 第 2 行 row 2, 第 2 列 cell 2: “社会效益指标”", output, StringComparison.Ordinal);
        Assert.Contains("“社会效益指/标”", output, StringComparison.Ordinal);
        Assert.DoesNotContain("服务对象满意度指标", output, StringComparison.Ordinal); // 5 + 4 characters: balanced enough
    }

    [Fact]
    public async Task Json_GivesCodesAndLocations()
    {
        var broken = Path.Combine(_folder.FullName, "broken.docx");
        await File.WriteAllBytesAsync(broken, Edit(static xml => xml.Replace("{{#each goals}}", "{{#each projectName}}", StringComparison.Ordinal)), TestContext.Current.CancellationToken);

        var (exit, output, _) = await CliTests.Run("check-template", broken, "--json");

        Assert.Equal(ExitCodes.Invalid, exit);
        using var json = JsonDocument.Parse(output);
        var problem = json.RootElement[0].GetProperty("problems")[0];
        Assert.Equal(RuleCodes.T8, problem.GetProperty("code").GetString());
        Assert.Equal(7, problem.GetProperty("location").GetProperty("row").GetInt32());
    }

    private static byte[] Edit(Func<string, string> transform)
        => DocGen.Tests.Shared.DocxEdit.WithPart(File.ReadAllBytes(Path.Combine(CliTests.Root, "templates", "performance-goals.docx")), "word/document.xml", transform);
}
