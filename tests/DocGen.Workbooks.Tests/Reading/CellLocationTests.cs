using DocGen.Core.Validation;
using DocGen.Workbooks.Tests.Support;
using DocGen.Core.Rules;

namespace DocGen.Workbooks.Tests.Reading;

/// <summary>Every issue of a workbook names its sheet and cell (or row) in Chinese, beside the JSON path, in the text and JSON reports.</summary>
public sealed class CellLocationTests
{
    [Fact]
    public void ContentErrors_ArePlacedAtTheirCells()
    {
        var book = Books.Edit(Books.Seed, d =>
        {
            Books.SetText(d, "预算项目", RuleCodes.D2, "三万元");           // an amount in words
            Books.SetText(d, "绩效指标", "H3", "");                 // a quantitative indicator's value left out
            Books.SetText(d, "基本信息", "B3", "二〇二一");          // the year in Chinese numerals
        });

        var report = Books.Check(book).Report;

        Assert.Contains(report.Issues, static i => i.Path == "$.projects[0].budget.total" && i.Location!.StartsWith("工作表“预算项目”第 2 行 D 列（D2）", StringComparison.Ordinal) && i.Source == "预算项目!D2");
        Assert.Contains(report.Issues, static i => i.Path.StartsWith("$.projects[0].indicators[1]", StringComparison.Ordinal) && i.Source!.StartsWith("绩效指标!", StringComparison.Ordinal) && i.Source.EndsWith('3'));
        Assert.Contains(report.Issues, static i => i.Path == "$.fiscalYear" && i.Source == "基本信息!B3");
        var text = ReportFormatter.ToText(report, "申报表.xlsx");
        Assert.Contains("工作表“预算项目”第 2 行 D 列（D2）", text, StringComparison.Ordinal);
        Assert.Contains("路径 Path: $.projects[0].budget.total", text, StringComparison.Ordinal);
        Assert.Contains("\"source\": \"预算项目!D2\"", ReportFormatter.ToJson(report, "申报表.xlsx"), StringComparison.Ordinal);
    }

    [Fact]
    public void IssuesOfAWholeRow_ArePlacedAtTheCellThatNamesIt_NeverAtARowAlone()
    {
        var book = Books.Edit(Books.Seed, static d => Books.SetText(d, "项目绩效目标", "B3", "2. 按照工作职责完成本单位的各项工作")); // numbered as clerks do

        var issues = Books.Check(book).Report.Issues;

        Assert.Contains(issues, static i => i.Code == RuleCodes.V26 && i.Source == "项目绩效目标!B3");
        Assert.All(issues, static i => Assert.Matches(@"![A-Z]+\d+$", i.Source!)); // a cell, not “3:3”
    }

    [Fact]
    public void MissingSection_IsPlacedAtItsSheet_AndAMissingValueAtTheCellToFill()
    {
        var book = Books.Edit(Books.Seed, d =>
        {
            Books.SetText(d, "基本信息", "B6", "");  // 单位名称
            foreach (var row in new[] { 3, 4 })
            {
                Books.SetText(d, "部门整体绩效目标", $"B{row}", ""); // 小标题 and 导语 of 一、总体绩效目标
            }
        });

        var report = Books.Check(book).Report;

        Assert.Contains(report.Issues, static i => i.Path == "$.unit.name" && i.Source == "基本信息!B6");
        Assert.Contains(report.Issues, static i => i.Path == "$.overallGoal.intro" && i.Source == "部门整体绩效目标!B4");
    }

    [Fact]
    public void RowOfAnUnknownProject_AndAnUnknownColumn_AreReportedWhereTheyAre()
    {
        var book = Books.Edit(Books.Seed, d =>
        {
            Books.SetText(d, "绩效指标", "A4", "不存在的编码");
            Books.SetText(d, "绩效指标", "L1", "备注");
            Books.SetText(d, "绩效指标", "L2", "请领导审核");
        });

        var report = Books.Check(book).Report;

        var unknown = Assert.Single(report.Issues, static i => i.Code == RuleCodes.X7);
        Assert.Equal("绩效指标!A4", unknown.Source);
        Assert.Contains("不存在的编码", unknown.Message, StringComparison.Ordinal);
        var column = Assert.Single(report.Issues, static i => i.Code == RuleCodes.X8);
        Assert.Equal(Severity.Warning, column.Severity);
        Assert.Equal("绩效指标!L1", column.Source);
    }
}
