using System.Text.Json.Nodes;
using DocGen.Core.Validation;
using DocGen.Workbooks.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocGen.Core.Rules;

namespace DocGen.Workbooks.Tests.Reading;

/// <summary>
/// A workbook a clerk changed gets a report that names the change: a renamed or missing sheet,
/// header or label is one error (X7), never a cascade of consequences; a renamed content sheet
/// or a changed header is still read, so its content is checked too.
/// </summary>
public sealed class ChangedWorkbookTests
{
    [Fact]
    public void RenamedIndicatorSheet_IsOneErrorNamingTheSheet_AndItsRowsAreRead()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d => Rename(d, "绩效指标", "绩效指标（2026）")));

        var issue = Assert.Single(check.Report.Issues, static i => i.Severity == Severity.Error);
        Assert.Equal((RuleCodes.X7, "绩效指标（2026）"), (issue.Code, issue.Source));
        Assert.Contains("“绩效指标（2026）”应名为“绩效指标”", issue.Message, StringComparison.Ordinal);
        Assert.Equal(10, JsonNode.Parse(check.Converted!)!["projects"]![0]!["indicators"]!.AsArray().Count);
        Assert.Contains(check.Report.Issues, static i => i.Code == RuleCodes.V22 && i.Source == "绩效指标（2026）!K2"); // its content checked, at its cells
    }

    [Fact]
    public void SheetRenamedBeyondRecognition_IsFoundByItsHeader()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d => Rename(d, "预算项目", "Sheet1")));

        var issue = Assert.Single(check.Report.Issues, static i => i.Severity == Severity.Error);
        Assert.Equal((RuleCodes.X7, "Sheet1"), (issue.Code, issue.Source));
        Assert.Contains("“预算项目”", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeletedIndicatorSheet_IsOneErrorNamingIt_NotZeroIndicators()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d => Delete(d, "绩效指标")));

        var issue = Assert.Single(check.Report.Issues, static i => i.Severity == Severity.Error);
        Assert.Equal(RuleCodes.X7, issue.Code);
        Assert.Contains("没有工作表“绩效指标”", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeletedHeaderRow_IsOneErrorNamingTheSheet()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d => Books.Sheet(d, "项目绩效目标").Descendants<Row>().First().Remove()));

        var issue = Assert.Single(check.Report.Issues, static i => i.Severity == Severity.Error);
        Assert.Equal((RuleCodes.X7, "项目绩效目标"), (issue.Code, issue.Source));
        Assert.Contains("表头", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RenamedHeader_IsOneErrorAtTheHeader_AndItsColumnIsRead()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d => Books.SetText(d, "绩效指标", "H1", "指标值（数字）")));

        var issue = Assert.Single(check.Report.Issues, static i => i.Severity == Severity.Error);
        Assert.Equal((RuleCodes.X7, "绩效指标!H1"), (issue.Code, issue.Source));
        Assert.Contains("“指标值（数字）”应为“指标值”", issue.Message, StringComparison.Ordinal);
        Assert.Equal("90", JsonNode.Parse(check.Converted!)!["projects"]![0]!["indicators"]![0]!["value"]!.ToJsonString());
    }

    [Fact]
    public void ClearedHeader_IsOneMissingColumn_NotAnErrorPerRow()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d => Books.SetText(d, "绩效指标", "H1", "")));

        var issue = Assert.Single(check.Report.Issues, static i => i.Severity == Severity.Error);
        Assert.Equal(RuleCodes.X7, issue.Code);
        Assert.StartsWith("绩效指标!1:1", issue.Source, StringComparison.Ordinal);
        Assert.Contains("没有“指标值”列", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RenamedCodeColumn_StillTiesRowsToTheirProject()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d =>
        {
            Books.SetText(d, "项目绩效目标", "A1", "项目代码");
            Books.SetText(d, "绩效指标", "A1", "项目代码");
        }));

        Assert.Equal([RuleCodes.X7, RuleCodes.X7], check.Report.Issues.Where(static i => i.Severity == Severity.Error).Select(static i => i.Code));
        Assert.Equal(["项目绩效目标!A1", "绩效指标!A1"], check.Report.Issues.Where(static i => i.Severity == Severity.Error).Select(static i => i.Source));
    }

    [Fact]
    public void RenamedLabel_IsOneErrorAtTheLabel_AndItsValueIsRead()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d => Books.SetText(d, "基本信息", "A5", "单位代码")));

        var issue = Assert.Single(check.Report.Issues, static i => i.Severity == Severity.Error);
        Assert.Equal((RuleCodes.X7, "基本信息!A5"), (issue.Code, issue.Source));
        Assert.Contains("“单位代码”应为“单位编码”", issue.Message, StringComparison.Ordinal);
        Assert.Equal("286001", JsonNode.Parse(check.Converted!)!["unit"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public void DeletedLabelRow_IsOneErrorNamingTheLabel_NotAMissingValue()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d => Books.Sheet(d, "基本信息").Descendants<Row>().Single(static r => r.RowIndex! == 5u).Remove()));

        var issue = Assert.Single(check.Report.Issues, static i => i.Severity == Severity.Error);
        Assert.Equal((RuleCodes.X7, "基本信息"), (issue.Code, issue.Source));
        Assert.Contains("没有栏目“单位编码”", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SheetsTheKindDoesNotNeed_MayBeDeleted()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d =>
        {
            Books.SetText(d, "基本信息", "B2", "部门整体绩效目标");
            Books.SetText(d, "基本信息", "B8", ""); // 金额单位: part 2's
            Delete(d, "预算项目");
            Delete(d, "项目绩效目标");
            Delete(d, "绩效指标");
        }));

        Assert.True(check.IsValid, string.Join("\n", check.Report.Issues.Select(static i => $"{i.Code} {i.Source} {i.Message}")));
    }

    [Fact]
    public void CopyOfASheetBesideItsOriginal_IsNamedAsNotRead()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d => Copy(d, "绩效指标", "绩效指标 (2)")));

        Assert.True(check.IsValid);
        var issue = Assert.Single(check.Report.Issues, static i => i.Code == RuleCodes.X8);
        Assert.Equal("绩效指标 (2)", issue.Source);
        Assert.Contains("未被读取", issue.Message, StringComparison.Ordinal);
    }

    private static void Rename(SpreadsheetDocument document, string name, string newName)
        => document.WorkbookPart!.Workbook!.Descendants<Sheet>().Single(s => s.Name == name).Name = newName;

    private static void Delete(SpreadsheetDocument document, string name)
        => document.WorkbookPart!.Workbook!.Descendants<Sheet>().Single(s => s.Name == name).Remove();

    private static void Copy(SpreadsheetDocument document, string name, string copyName)
    {
        var workbook = document.WorkbookPart!;
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = (Worksheet)Books.Sheet(document, name).CloneNode(true);
        var sheets = workbook.Workbook!.GetFirstChild<Sheets>()!;
        sheets.Append(new Sheet { Name = copyName, SheetId = (uint)sheets.ChildElements.Count + 10, Id = workbook.GetIdOfPart(part) });
    }
}
