using System.Text.Json.Nodes;
using DocGen.Core.Validation;
using DocGen.Workbooks.Tests.Support;
using DocGen.Core.Rules;

namespace DocGen.Workbooks.Tests.Reading;

/// <summary>
/// Cells as Excel and WPS store what a clerk types in a zh-CN locale: each is read as the cell
/// shows it, or reported at its cell quoting what the clerk sees — never a date's serial.
/// </summary>
public sealed class TypedCellTests
{
    [Fact]
    public void DateTypedAsAQuantitativeIndicatorValue_IsX9AtItsCell_QuotingTheDateNotTheSerial()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d => Books.SetStyled(d, "绩效指标", "H4", "45991", 176, "yyyy\"年\"m\"月\"d\"日\"")));

        var issue = Assert.Single(check.Report.Issues, static i => i.Severity == Severity.Error);
        Assert.Equal((RuleCodes.X9, "绩效指标!H4"), (issue.Code, issue.Source));
        Assert.Contains("2025年11月30日", issue.Message, StringComparison.Ordinal);
        Assert.Contains("定性", issue.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(check.Report.Issues, static i => i.Message.Contains("45991", StringComparison.Ordinal));
        Assert.False(check.IsValid);
    }

    [Fact]
    public void DateTypedAsTheBudgetYear_IsX9AtB3_WithoutKnockOnWarningsQuotingTheSerial()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d => Books.SetStyled(d, "基本信息", "B3", "45658", 14)));

        var issue = Assert.Single(check.Report.Issues, static i => i.Severity == Severity.Error);
        Assert.Equal((RuleCodes.X9, "基本信息!B3"), (issue.Code, issue.Source));
        Assert.Contains("2025/1/1", issue.Message, StringComparison.Ordinal);
        Assert.Contains("四位数的年份", issue.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(check.Report.Issues, static i => i.Message.Contains("45658", StringComparison.Ordinal));
    }

    [Fact]
    public void DateInAFreeTextCell_IsTheTextTheCellShows()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d => Books.SetStyled(d, "绩效指标", "E2", "46022", 176, "yyyy\"年\"m\"月\"d\"日\"")));

        Assert.True(check.IsValid);
        Assert.Equal("2025年12月31日", JsonNode.Parse(check.Converted!)!["projects"]![0]!["indicators"]![0]!["description"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("46024", 58u, null, "1月2日")] // “1/2” typed into an amount: a date in Excel
    [InlineData("0.375", 20u, null, "9:00")] // “9:00”
    public void DateOrTimeTypedAsAnAmount_IsX9QuotingWhatTheCellShows(string stored, uint format, string? code, string shown)
    {
        var check = Books.Check(Books.Edit(Books.Seed, d => Books.SetStyled(d, "预算项目", "F2", stored, format, code)));

        var issue = Assert.Single(check.Report.Issues, static i => i.Code == RuleCodes.X9);
        Assert.Equal("预算项目!F2", issue.Source);
        Assert.Contains($"“{shown}”", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BooleanTypedAsAPercentage_IsX9()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d =>
        {
            var cell = Books.Cell(d, "预算项目", "H2");
            cell.RemoveAllChildren();
            cell.DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.Boolean;
            cell.CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue("1");
        }));

        var issue = Assert.Single(check.Report.Issues, static i => i.Code == RuleCodes.X9);
        Assert.Equal("预算项目!H2", issue.Source);
        Assert.Contains("TRUE", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EighteenDigitCodeTypedAsANumber_IsX9_ShowingWhatExcelKept()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d => Books.SetNumber(d, "基本信息", "B5", "1.2345678901234568E+17")));

        var issue = Assert.Single(check.Report.Issues, static i => i.Code == RuleCodes.X9);
        Assert.Equal("基本信息!B5", issue.Source);
        Assert.Contains("1.23457E+17", issue.Message, StringComparison.Ordinal);
        Assert.Contains("文本", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScientificInputAndSeparatorsInANumberCell_AreTheNumber()
    {
        // “1.5E3” and “1,200.50” typed into number cells: Excel stores the numbers.
        var check = Books.Check(Books.Edit(Books.Seed, static d =>
        {
            Books.SetNumber(d, "预算项目", RuleCodes.D2, "31200.5");
            Books.SetNumber(d, "预算项目", "E2", "30000");
            Books.SetNumber(d, "预算项目", "F2", "1.2005E3");
        }));

        var budget = JsonNode.Parse(check.Converted!)!["projects"]![0]!["budget"]!;
        Assert.Equal("31200.5 30000 1200.5", $"{budget["total"]} {budget["fiscal"]} {budget["other"]}");
        Assert.DoesNotContain(check.Report.Issues, static i => i.Severity == Severity.Error);
    }

    [Theory]
    [InlineData("１２０")]
    [InlineData("95％")]
    public void FullWidthDigitsStoredAsText_AreReportedAtTheirCell_OrRead(string typed)
    {
        var check = Books.Check(Books.Edit(Books.Seed, d => Books.SetText(d, "绩效指标", "H2", typed)));

        // Either the value reads as the number the clerk meant, or the report names the cell and quotes it.
        var value = JsonNode.Parse(check.Converted!)!["projects"]![0]!["indicators"]![0]!["value"];
        Assert.True(
            check.Report.Issues.Any(i => i.Source == "绩效指标!H2" && i.Message.Contains(typed, StringComparison.Ordinal)) || value?.GetValueKind() == System.Text.Json.JsonValueKind.Number,
            string.Join("\n", check.Report.Issues.Select(static i => $"{i.Code} {i.Source} {i.Message}")));
    }

    [Fact]
    public void NumberKeptAsTextInAnAmountCell_IsAdvisedInTermsOfCellFormats_NotJson()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d => Books.SetText(d, "预算项目", "F2", "1,200.50")));

        var issue = Assert.Single(check.Report.Issues, static i => i.Source == "预算项目!F2");
        Assert.Contains("“文本”格式", issue.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("千分位逗号", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnitTypedIntoAnIndicatorValueCell_IsOneIssueAtTheCell_NamingTheUnitColumn()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d =>
        {
            Books.SetText(d, "绩效指标", "H2", "95人");
            Books.SetText(d, "绩效指标", "I2", "");
        }));

        var issue = Assert.Single(check.Report.Issues, static i => i.Severity == Severity.Error);
        Assert.Equal("绩效指标!H2", issue.Source);
        Assert.Contains("“计量单位”列", issue.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" unit ", issue.Message, StringComparison.Ordinal);
    }
}
