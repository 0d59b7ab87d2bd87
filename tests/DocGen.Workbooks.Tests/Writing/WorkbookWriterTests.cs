using DocGen.Workbooks.Layout;
using DocGen.Workbooks.Tests.Support;
using DocGen.Workbooks.Writing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

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

        Assert.Equal("30000", Books.Cell(document, WorkbookLayout.ProjectsSheet, "D2").CellValue!.Text);
        Assert.Equal("#,##0.00", styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == FormatOf(WorkbookLayout.ProjectsSheet, "D2")).FormatCode!.Value);
        Assert.Equal("0.25", Books.Cell(document, WorkbookLayout.ProjectsSheet, "H2").CellValue!.Text);
        Assert.Equal(10u, FormatOf(WorkbookLayout.ProjectsSheet, "H2"));   // 0.00%
        Assert.Equal(49u, FormatOf(WorkbookLayout.ProjectsSheet, "B2"));   // @ text
    }
}
