using DocGen.Workbooks.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocGen.Core.Rules;

namespace DocGen.Workbooks.Tests.Reading;

/// <summary>What Excel, WPS and LibreOffice write into cells, read as the clerk means it.</summary>
public sealed class CellReadingTests
{
    // In the seed's workbook: 预算项目 row 2 is the project (D = 预算数, H = 3月底), 绩效指标 row 2 its first indicator.
    private const string Projects = "预算项目";
    private const string Indicators = "绩效指标";
    private const string Info = "基本信息";

    [Fact]
    public void StoredDouble_IsTheDecimalExcelShows_NeverItsBinaryTail()
    {
        var book = Books.Edit(Books.Seed, d =>
        {
            Books.SetNumber(d, Projects, RuleCodes.D2, "29999.999999999996");
            Books.SetNumber(d, Projects, "E2", "30000.000000000004");
        });

        var budget = Budget(book);

        Assert.Equal("30000", budget["total"]!.ToJsonString());
        Assert.Equal("30000", budget["fiscal"]!.ToJsonString());
    }

    [Fact]
    public void PercentFormattedCell_CountsInPercent_AndAPlainOneAsTyped()
    {
        var book = Books.Edit(Books.Seed, d =>
        {
            Books.SetNumber(d, Projects, "H2", "0.255");                 // 0.00% format: shows 25.50%
            Books.SetNumber(d, Indicators, "H2", "0.9");                 // 指标值, typed as 90% in a General cell → percent format
            Books.Cell(d, Indicators, "H2").StyleIndex = Books.Cell(d, Projects, "H2").StyleIndex;
            Books.SetNumber(d, Indicators, "H3", "95");                  // typed as 95
        });

        var json = Converted(book);

        Assert.Equal("25.5", json["projects"]![0]!["spendingPlan"]![0]!["cumulativePercent"]!.ToJsonString());
        Assert.Equal("90", json["projects"]![0]!["indicators"]![0]!["value"]!.ToJsonString());
        Assert.Equal("95", json["projects"]![0]!["indicators"]![1]!["value"]!.ToJsonString());
    }

    [Fact]
    public void NumberStoredAsText_AndTrailingSpaces_AreReadAsTheClerkMeansThem()
    {
        var book = Books.Edit(Books.Seed, d =>
        {
            Books.SetText(d, Projects, RuleCodes.D2, " 30000.00 ");
            Books.SetText(d, Projects, "C2", "机关工委业务费\u3000 ");
        });

        var check = Books.Check(book);

        Assert.True(check.IsValid, string.Join("; ", check.Report.Issues.Where(static i => i.Severity == Core.Validation.Severity.Error).Select(static i => i.MessageEn)));
        Assert.Equal(30000m, check.Submission!.Projects![0].Budget!.Total);
        Assert.Equal("机关工委业务费", check.Submission.Projects[0].ProjectName);
    }

    [Fact]
    public void SharedRichText_IsJoined_WithoutPhoneticGuides()
    {
        var book = Books.Edit(Books.Seed, d =>
        {
            var strings = d.WorkbookPart!.SharedStringTablePart ?? d.WorkbookPart.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(new SharedStringItem(
                new Run(new RunProperties(new Bold()), new Text("机关工委")),
                new Run(new Text("业务费")),
                new PhoneticRun(new Text("きかん")) { BaseTextStartIndex = 0, EndingBaseIndex = 2 }));
            var cell = Books.Cell(d, Projects, "C2");
            cell.RemoveAllChildren();
            cell.DataType = CellValues.SharedString;
            cell.CellValue = new CellValue("0");
        });

        Assert.Equal("机关工委业务费", Books.Check(book).Submission!.Projects![0].ProjectName);
    }

    [Fact]
    public void FormulaWithItsCachedValue_IsReadByTheValue()
    {
        var book = Books.Edit(Books.Seed, d =>
        {
            var cell = Books.Cell(d, Projects, RuleCodes.D2);
            cell.RemoveAllChildren();
            cell.Append(new CellFormula("E2+F2"), new CellValue("30000"));
        });

        Assert.Equal(30000m, Books.Check(book).Submission!.Projects![0].Budget!.Total);
    }

    [Fact]
    public void MergedProjectCode_BelongsToEveryRowItSpans_AndBlankRowsAreSkipped()
    {
        var seed = Books.Check(Books.Seed).Submission!;
        var book = Books.Edit(Books.Seed, d =>
        {
            var sheet = Books.Sheet(d, Indicators);
            var rows = sheet.GetFirstChild<SheetData>()!.Elements<Row>().Where(static r => r.RowIndex! > 2).ToList();
            foreach (var row in rows)
            {
                row.Elements<Cell>().First().Remove(); // 项目编码 left only in A2…
            }

            var last = rows[^1].RowIndex!.Value;
            sheet.InsertAfter(new MergeCells(new MergeCell { Reference = $"A2:A{last}" }), sheet.GetFirstChild<SheetData>());

            // …and a blank row in the middle of the table, as a clerk leaves one.
            foreach (var row in rows.Where(static r => r.RowIndex! >= 5))
            {
                row.RowIndex = row.RowIndex!.Value + 1;
                foreach (var cell in row.Elements<Cell>())
                {
                    cell.CellReference = new string([.. cell.CellReference!.Value!.TakeWhile(char.IsLetter)]) + row.RowIndex.Value;
                }
            }
        });

        var read = Books.Check(book).Submission!;

        Assert.Equal(seed.Projects![0].Indicators!.Select(static i => i.Name), read.Projects![0].Indicators!.Select(static i => i.Name));
    }

    [Fact]
    public void GoalMergedDownOverTheRowBelow_IsOneGoal_NotTwo()
    {
        var seed = Books.Check(Books.Seed).Submission!;
        var book = Books.Edit(Books.Seed, d =>
        {
            var sheet = Books.Sheet(d, DocGen.Workbooks.Layout.WorkbookLayout.GoalsSheet);
            var last = sheet.GetFirstChild<SheetData>()!.Elements<Row>().Max(static r => r.RowIndex!.Value);
            var below = new Row { RowIndex = last + 1 };
            sheet.GetFirstChild<SheetData>()!.Append(below); // the clerk merged the goal's cell with an empty row under it
            sheet.InsertAfter(new MergeCells(new MergeCell { Reference = $"B{last}:B{last + 1}" }), sheet.GetFirstChild<SheetData>());
        });

        var read = Books.Check(book).Submission!;

        Assert.Equal(seed.Projects![0].Goals, read.Projects![0].Goals);
    }

    [Fact]
    public void ItemRowsAClerkInserted_AndColumnsReordered_AreFoundByTheirLabels()
    {
        var book = Books.Edit(Books.Seed, d =>
        {
            // 绩效指标: swap the columns 三级指标 (D) and 绩效指标描述 (E), headers and all.
            foreach (var row in Books.Sheet(d, Indicators).GetFirstChild<SheetData>()!.Elements<Row>())
            {
                foreach (var cell in row.Elements<Cell>())
                {
                    var reference = cell.CellReference!.Value!;
                    var swapped = reference[0] == 'D' ? 'E' + reference[1..] : reference[0] == 'E' ? 'D' + reference[1..] : reference;
                    cell.CellReference = swapped;
                }

                var cells = row.Elements<Cell>().OrderBy(static c => c.CellReference!.Value!.Length).ThenBy(static c => c.CellReference!.Value, StringComparer.Ordinal).ToList();
                row.RemoveAllChildren<Cell>();
                row.Append(cells);
            }
        });

        Assert.Equal(Books.Check(Books.Seed).Submission!.Projects![0].Indicators![0].Name, Books.Check(book).Submission!.Projects![0].Indicators![0].Name);
    }

    [Fact]
    public void BooleanAndInlineStrings_AreText()
    {
        var book = Books.Edit(Books.Seed, d =>
        {
            var cell = Books.Cell(d, Info, "B7");
            cell.RemoveAllChildren();
            cell.DataType = CellValues.Boolean;
            cell.CellValue = new CellValue("1");
        });

        Assert.Equal("TRUE", Books.Check(book).Submission!.Unit!.ShortName);
    }

    private static System.Text.Json.Nodes.JsonObject Converted(byte[] book)
        => (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(Books.Check(book).Converted!)!;

    private static System.Text.Json.Nodes.JsonObject Budget(byte[] book) => (System.Text.Json.Nodes.JsonObject)Converted(book)["projects"]![0]!["budget"]!;
}
