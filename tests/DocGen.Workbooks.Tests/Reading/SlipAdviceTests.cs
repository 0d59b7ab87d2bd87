using DocGen.Core.Validation;
using DocGen.Workbooks.Tests.Support;
using DocumentFormat.OpenXml.Spreadsheet;
using DocGen.Core.Rules;

namespace DocGen.Workbooks.Tests.Reading;

/// <summary>
/// The advice on a slip fits the field it is in, and the same slip is hinted in every field:
/// spoken in cells, formats, drop-downs and the workbook's own labels, never in JSON's names.
/// </summary>
public sealed class SlipAdviceTests
{
    /// <summary>JSON member and choice names a clerk never sees in the workbook.</summary>
    private static readonly string[] s_jsonWords = ["unit", "value", "comparator", "amountUnit", "cumulativePercent", "fiscalYear", "budget", "quantitative", "qualitative", "projectGoalTable", "combined", "grading", "excellent", "kind"];

    [Theory]
    [InlineData("25 %")]
    [InlineData("25%")]
    [InlineData("２５％")]
    public void PercentTypedAsTextInACheckpoint_IsAdvisedAsAPercentage_NotAsAnAmount(string typed)
    {
        var issue = OnlyIssueAt("预算项目", "H2", d => Books.SetText(d, "预算项目", "H2", typed));

        Assert.Contains("百分比", issue.Message, StringComparison.Ordinal);
        Assert.Contains("25%", issue.Message, StringComparison.Ordinal);
        Assert.Contains("累计支出比例", issue.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("金额", issue.Message, StringComparison.Ordinal);
        AssertSpeaksInCells(issue);
    }

    [Fact]
    public void PercentTypedAsTextInAGradingBand_IsNamedByItsWorkbookLabel()
    {
        var issue = OnlyIssueAt("部门整体绩效目标", null, d => Books.SetText(d, "部门整体绩效目标", "B" + RowOf(d, "部门整体绩效目标", "绩效标准（优，%）"), "90 %"));

        Assert.StartsWith("绩效标准（优，%）：", issue.Message, StringComparison.Ordinal);
        Assert.Contains("百分比", issue.Message, StringComparison.Ordinal);
        AssertSpeaksInCells(issue);
    }

    [Theory]
    [InlineData("基本信息", "B3", "２０２５", "2025")] // 预算年度
    [InlineData("基本信息", "B5", "２８６００１", "286001")] // 单位编码
    [InlineData("预算项目", RuleCodes.D2, "３００００", "30000")] // 预算数
    [InlineData("预算项目", "A2", "１", "1")] // 序号
    [InlineData("预算项目", "B2", "１３０３０３２１ＷＬＣＲＢＶＵＡＤＫＰＴ８", "13030321WLCRBVUADKPT8")] // 项目编码
    public void FullWidthDigits_AreHintedInEveryField(string sheet, string cell, string typed, string meant)
    {
        var issue = OnlyIssueAt(sheet, cell, d => Books.SetText(d, sheet, cell, typed));

        Assert.Contains("半角", issue.Message, StringComparison.Ordinal);
        Assert.Contains(meant, issue.Message, StringComparison.Ordinal);
        AssertSpeaksInCells(issue);
    }

    [Fact]
    public void FullWidthProjectCode_StillOwnsItsGoalsAndIndicators()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d => Books.SetText(d, "预算项目", "B2", "１３０３０３２１ＷＬＣＲＢＶＵＡＤＫＰＴ８")));

        Assert.Equal([RuleCodes.X9], check.Report.Issues.Where(static i => i.Severity == Severity.Error).Select(static i => i.Code));
    }

    [Fact]
    public void ChoiceNotInTheList_IsAdvisedByTheDropDownsNames()
    {
        var issue = OnlyIssueAt("绩效指标", "F2", static d => Books.SetText(d, "绩效指标", "F2", "定量的"));

        Assert.Contains("定量、定性", issue.Message, StringComparison.Ordinal);
        AssertSpeaksInCells(issue);
    }

    [Fact]
    public void KindNotInTheList_IsAdvisedByTheDropDownsNames()
    {
        var issue = OnlyIssueAt("基本信息", "B2", static d => Books.SetText(d, "基本信息", "B2", "项目表"));

        Assert.Contains("部门整体绩效目标、预算项目绩效目标表、两者都有", issue.Message, StringComparison.Ordinal);
        AssertSpeaksInCells(issue);
    }

    [Fact]
    public void ComparatorTypedIntoAnAmount_IsNotAdvisedAsAComparator()
    {
        var issue = OnlyIssueAt("预算项目", "F2", static d => Books.SetText(d, "预算项目", "F2", "≥0"));

        Assert.DoesNotContain("计算符号", issue.Message, StringComparison.Ordinal);
        AssertSpeaksInCells(issue);
    }

    /// <summary>The one error of the seed's workbook after an edit, at its cell (any cell when null).</summary>
    private static ValidationIssue OnlyIssueAt(string sheet, string? cell, Action<DocumentFormat.OpenXml.Packaging.SpreadsheetDocument> edit)
    {
        var check = Books.Check(Books.Edit(Books.Seed, edit));
        var issue = Assert.Single(check.Report.Issues, static i => i.Severity == Severity.Error);
        Assert.StartsWith($"{sheet}!{cell}", issue.Source, StringComparison.Ordinal);
        return issue;
    }

    private static void AssertSpeaksInCells(ValidationIssue issue)
    {
        foreach (var word in s_jsonWords)
        {
            Assert.DoesNotMatch($"(?<![A-Za-z]){word}(?![A-Za-z])", issue.Message);
        }
    }

    private static int RowOf(DocumentFormat.OpenXml.Packaging.SpreadsheetDocument document, string sheet, string label)
        => (int)Books.Sheet(document, sheet).Descendants<Row>().First(r => r.Elements<Cell>().FirstOrDefault()?.InnerText == label).RowIndex!.Value;
}
