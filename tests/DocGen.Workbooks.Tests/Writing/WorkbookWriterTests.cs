using System.Text.Json.Nodes;
using DocGen.Core.Json;
using DocGen.Core.Validation;
using DocGen.Tests.Shared;
using DocGen.Workbooks.Layout;
using DocGen.Workbooks.Tests.Support;
using DocGen.Workbooks.Writing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using DocGen.Core.Rules;

namespace DocGen.Workbooks.Tests.Writing;

/// <summary>The workbook DocGen writes: a valid package laid out for people, following the framework.</summary>
public sealed class WorkbookWriterTests
{
    [Fact]
    public void BlankAndPrefilledWorkbooks_AreValidSpreadsheets()
    {
        foreach (var book in new[] { WorkbookWriter.Write(null, Books.Frameworks), Books.Seed })
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(book), false);
            var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document, TestContext.Current.CancellationToken).Take(5).Select(static e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }

    [Fact]
    public void BlankWorkbook_HasTheSheetsInOrder_HeadersFrozen_AndTheListsHidden()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(WorkbookWriter.Write(null, Books.Frameworks)), false);
        var sheets = document.WorkbookPart!.Workbook!.Descendants<Sheet>().ToList();

        Assert.Equal([WorkbookLayout.InstructionsSheet, WorkbookLayout.InfoSheet, WorkbookLayout.Part1Sheet, WorkbookLayout.ProjectsSheet, WorkbookLayout.GoalsSheet, WorkbookLayout.IndicatorsSheet, WorkbookLayout.ListsSheet], sheets.Select(static s => s.Name!.Value));
        Assert.Equal(SheetStateValues.Hidden, sheets[^1].State!.Value);
        var indicators = Books.Sheet(document, WorkbookLayout.IndicatorsSheet);
        Assert.Equal(PaneStateValues.Frozen, indicators.Descendants<Pane>().Single().State!.Value);
        Assert.Equal(WorkbookLayout.IndicatorColumns.Select(static c => c.Label), indicators.Descendants<Row>().First().Elements<Cell>().Select(static c => c.InnerText));
    }

    [Fact]
    public void DropDowns_ComeFromTheFramework_With二级DependingOnTheRowsLevel1()
    {
        var framework = Books.Frameworks.Find("mof2021")!;
        var book = WorkbookWriter.Write(new System.Text.Json.Nodes.JsonObject { ["framework"] = "mof2021" }, Books.Frameworks);
        using var document = SpreadsheetDocument.Open(new MemoryStream(book), false);

        var validations = Books.Sheet(document, WorkbookLayout.IndicatorsSheet).Descendants<DataValidation>().ToDictionary(static v => v.SequenceOfReferences!.InnerText!, static v => v.Formula1!.Text);
        Assert.Equal("DocGenLevel1", validations[$"B2:B{WorkbookWriter.TableRows}"]);
        Assert.Contains("INDIRECT(", validations[$"C2:C{WorkbookWriter.TableRows}"], StringComparison.Ordinal);
        Assert.Equal("\"定量,定性\"", validations[$"F2:F{WorkbookWriter.TableRows}"]);

        var lists = Books.Sheet(document, WorkbookLayout.ListsSheet);
        var level1 = lists.Descendants<Row>().Skip(1).Select(static r => r.Elements<Cell>().FirstOrDefault(c => c.CellReference!.Value!.StartsWith('A'))?.InnerText).OfType<string>().ToList();
        Assert.Equal(framework.Level1.Select(static l => l.Name), level1);
        var names = document.WorkbookPart!.Workbook!.Descendants<DefinedName>().Select(static n => n.Name!.Value).ToList();
        Assert.Equal(framework.Level1.Count, names.Count(static n => n!.StartsWith("DocGenLevel2_", StringComparison.Ordinal)));
    }

    [Fact]
    public void UnitDropDown_OffersTheFrameworksUnits_AndWarnsInChineseOffTheList()
    {
        var framework = Books.Frameworks.Find("mof2021")!;
        var book = WorkbookWriter.Write(new System.Text.Json.Nodes.JsonObject { ["framework"] = "mof2021" }, Books.Frameworks);
        using var document = SpreadsheetDocument.Open(new MemoryStream(book), false);

        var unit = Books.Sheet(document, WorkbookLayout.IndicatorsSheet).Descendants<DataValidation>().Single(static v => v.SequenceOfReferences!.InnerText!.StartsWith('I'));
        Assert.Equal(DataValidationErrorStyleValues.Warning, unit.ErrorStyle!.Value);
        Assert.Equal("不在常用列表中", unit.ErrorTitle!.Value);
        Assert.Contains("确认无误", unit.Error!.Value, StringComparison.Ordinal);
        var listed = Books.Sheet(document, WorkbookLayout.ListsSheet).Descendants<Cell>().Select(static c => c.InnerText).ToHashSet();
        Assert.Contains("亩", listed);
        Assert.Contains("公顷", listed);
        Assert.All(framework.Units!, u => Assert.Contains(u, listed));
    }

    [Fact]
    public void Amounts_AreNumbersWithTwoDecimals_PercentagesInPercent_CodesText()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Books.Seed), false);
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!;
        uint FormatOf(string sheet, string cell) => styles.CellFormats!.Elements<CellFormat>().ElementAt((int)Books.Cell(document, sheet, cell).StyleIndex!.Value).NumberFormatId!.Value;

        Assert.Equal("30000", Books.Cell(document, WorkbookLayout.ProjectsSheet, RuleCodes.D2).CellValue!.Text);
        Assert.Equal("#,##0.00", styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == FormatOf(WorkbookLayout.ProjectsSheet, RuleCodes.D2)).FormatCode!.Value);
        Assert.Equal("0.25", Books.Cell(document, WorkbookLayout.ProjectsSheet, "H2").CellValue!.Text);
        Assert.Equal(10u, FormatOf(WorkbookLayout.ProjectsSheet, "H2"));   // 0.00%
        Assert.Equal(49u, FormatOf(WorkbookLayout.ProjectsSheet, "B2"));   // @ text
    }
    [Theory]
    [InlineData("mof2021")]
    [InlineData("legacy")]
    public void WorkbookForAFramework_OffersOnlyThatFramework_InItsListsAndIts指标体系Cell(string name)
    {
        var framework = Books.Frameworks.Find(name)!;
        using var document = SpreadsheetDocument.Open(new MemoryStream(WorkbookWriter.Write(null, Books.Frameworks, name)), false);

        Assert.Equal(framework.Title, Books.Cell(document, WorkbookLayout.InfoSheet, "B4").InnerText);
        Assert.Equal("DocGenFrameworks", Books.Sheet(document, WorkbookLayout.InfoSheet).Descendants<DataValidation>().Single(static v => v.SequenceOfReferences!.InnerText == "B4").Formula1!.Text);
        Assert.Equal([framework.Title!], ListColumn(document, WorkbookLayout.FrameworkListHeader));
        Assert.Equal(framework.Level1.Select(static l => l.Name), ListColumn(document, "一级指标"));
        Assert.All(framework.Level1, l => Assert.Equal(l.Level2.Select(static c => c.Name), ListColumn(document, l.Name)));
    }

    [Fact]
    public void BlankWorkbook_IsForTheDefaultFramework()
        => Assert.Equal(Books.Frameworks.Find(null)!.Name, WorkbookWriter.FrameworkFor(null, Books.Frameworks).Name);

    [Fact]
    public void PrefilledWorkbook_IsForTheSubmissionsFramework_UnlessAnotherIsAskedFor()
    {
        var submission = new JsonObject { ["framework"] = "mof2021" };

        Assert.Equal("mof2021", WorkbookWriter.FrameworkFor(submission, Books.Frameworks).Name);
        Assert.Equal("legacy", WorkbookWriter.FrameworkFor(submission, Books.Frameworks, "legacy").Name);
        Assert.Throws<ArgumentException>(() => WorkbookWriter.FrameworkFor(submission, Books.Frameworks, "mof2030"));
    }

    [Fact]
    public void PrefilledWorkbook_KeepsAFrameworkNameThatIsNotLoaded_ForTheClerkToSee()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(WorkbookWriter.Write(new JsonObject { ["framework"] = "mof2O21" }, Books.Frameworks)), false);

        Assert.Equal("mof2O21", Books.Cell(document, WorkbookLayout.InfoSheet, "B4").InnerText);
        Assert.Equal([Books.Frameworks.Find(null)!.Title!], ListColumn(document, WorkbookLayout.FrameworkListHeader));
    }

    [Fact]
    public void FrameworkChangedFromTheOneTheListsWereWrittenFor_IsOneX7AtIts指标体系Cell()
    {
        var mof2021 = Books.Frameworks.Find("mof2021")!.Title!;
        var check = Books.Check(Books.Edit(Books.Seed, d => Books.SetText(d, WorkbookLayout.InfoSheet, "B4", mof2021)));

        var issue = Assert.Single(check.Report.Issues, static i => i.Severity == Severity.Error);
        Assert.Equal((RuleCodes.X7, "基本信息!B4"), (issue.Code, issue.Source));
        Assert.Contains(Books.Frameworks.Find("legacy")!.Title!, issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkbookForAFramework_ResavedByLibreOffice_IsReadForThatFramework()
    {
        var json = JsonNode.Parse(File.ReadAllBytes(Books.Fixture("S001-seed.json")), documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        json["framework"] = "mof2021";

        var resaved = RealClient.Convert(WorkbookWriter.Write(json, Books.Frameworks), ".xlsx", "xlsx:Calc MS Excel 2007 XML", ".xlsx");
        var check = Books.Check(resaved);

        Assert.Equal("mof2021", check.Submission!.Framework);
        Assert.DoesNotContain(check.Report.Issues, static i => i.Code is RuleCodes.X7 or RuleCodes.X8); // the seed's legacy names are V13 under mof2021: the content's, not the workbook's
        using var document = SpreadsheetDocument.Open(new MemoryStream(resaved), false);
        Assert.Equal([Books.Frameworks.Find("mof2021")!.Title!], ListColumn(document, WorkbookLayout.FrameworkListHeader));
    }

    [Fact]
    public void DropDownNamesOfChoices_AreTheNamesReportsAdviseThemBy()
    {
        Assert.All(WorkbookLayout.Kinds, static k => Assert.Equal(k.Chinese, ValueSlips.ChineseChoice(k.Json)));
        Assert.All(WorkbookLayout.Natures, static n => Assert.Equal(n.Chinese, ValueSlips.ChineseChoice(n.Json)));
    }

    [Theory]
    [InlineData("{\"unit\":{\"code\":\"286001\",\"shortName\":\"区直工委\"},\"fiscalYear\":2021}", null, null, "区直工委-2021-申报表.xlsx")]
    [InlineData("{\"unit\":{\"code\":\"286001\"},\"fiscalYear\":2026}", null, null, "286001-2026-申报表.xlsx")]
    [InlineData("{\"unit\":{\"shortName\":\"财政/局:一科\"}}", null, null, "财政局一科-申报表.xlsx")]
    [InlineData("{\"fiscalYear\":2026}", "mof2021", null, "2026-申报表-mof2021.xlsx")]
    [InlineData("{}", null, "drafts/去年的申报.json", "去年的申报.xlsx")]
    [InlineData(null, null, null, "申报表.xlsx")]
    [InlineData(null, "mof2021", null, "申报表-mof2021.xlsx")]
    public void WorkbookFileName_SaysWhoseItIs_WhenTheSubmissionDoes(string? json, string? framework, string? input, string expected)
    {
        var submission = json is null ? null : JsonNode.Parse(json)!.AsObject();

        Assert.Equal(expected, WorkbookFileName.For(submission, WorkbookWriter.FrameworkFor(submission, Books.Frameworks, framework), input));
    }

    /// <summary>The values under a header of the hidden lists sheet.</summary>
    private static List<string> ListColumn(SpreadsheetDocument document, string header)
    {
        var rows = Books.Sheet(document, WorkbookLayout.ListsSheet).Descendants<Row>().ToList();
        var column = rows[0].Elements<Cell>().First(c => Text(c) == header).CellReference!.Value!.TrimEnd('1');
        return [.. rows.Skip(1).Select(r => r.Elements<Cell>().FirstOrDefault(c => c.CellReference!.Value == column + r.RowIndex!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))).OfType<Cell>().Select(Text).Where(static t => t.Length > 0)];
    }

    /// <summary>A cell's text, inline or shared (LibreOffice re-saves text as shared strings).</summary>
    private static string Text(Cell cell)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            var table = ((SpreadsheetDocument)cell.Ancestors<Worksheet>().First().WorksheetPart!.OpenXmlPackage).WorkbookPart!.SharedStringTablePart!.SharedStringTable!;
            return table.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).InnerText;
        }

        return cell.InnerText;
    }
}
