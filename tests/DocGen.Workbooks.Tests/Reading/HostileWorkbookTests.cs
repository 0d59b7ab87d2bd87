using System.Globalization;
using System.Text;
using DocGen.Core.Rules;
using DocGen.Core.Validation;
using DocGen.Tests.Shared;
using DocGen.Workbooks.Tests.Support;

namespace DocGen.Workbooks.Tests.Reading;

/// <summary>Workbooks no clerk means to send: each ends in one clear report, never an exception, a hang or memory exhaustion.</summary>
public sealed class HostileWorkbookTests
{
    [Fact]
    public void NotAZip_IsX1()
        => AssertRefused(Encoding.UTF8.GetBytes("{\"kind\": \"combined\"}"), RuleCodes.X1, "另存为");

    [Fact]
    public void OldXlsOrEncrypted_IsX2_SayingSaveAsXlsx()
        => AssertRefused([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[512]], RuleCodes.X2, "另存为");

    [Fact]
    public void ZipCutShort_IsX1_AndLooksLikeACopyStillUnderWay()
    {
        var seed = Books.Seed;

        var check = Books.Check(seed[..(seed.Length / 2)]);

        Assert.Equal(RuleCodes.X1, Assert.Single(check.Report.Issues).Code);
        Assert.True(check.LooksIncomplete);
    }

    [Fact]
    public void MacroWorkbook_IsX3()
    {
        var entries = Books.Entries(Books.Seed);
        entries.Add(("xl/vbaProject.bin", [1, 2, 3]));

        AssertRefused(Books.Zip([.. entries]), RuleCodes.X3, "宏");
    }

    [Fact]
    public void ExternalLinks_AreX5()
    {
        var entries = Books.Entries(Books.Seed);
        entries.Add(("xl/externalLinks/externalLink1.xml", Books.Utf8("<externalLink xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>")));

        AssertRefused(Books.Zip([.. entries]), RuleCodes.X5, "断开链接");
    }

    [Fact]
    public void ZipBomb_IsX4_BeforeAnythingIsInflated()
    {
        var entries = Books.Entries(Books.Seed);
        var sheet = entries.FindIndex(static e => e.Name == "xl/worksheets/sheet5.xml");
        entries[sheet] = (entries[sheet].Name, new byte[200 * 1024 * 1024]); // 200 MB of zeros: a few hundred KB compressed

        AssertRefused(Books.Zip([.. entries]), RuleCodes.X4, "压缩");
    }

    [Fact]
    public void AMillionRows_IsX4_AtTheRowLimit()
    {
        var rows = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (var r = 1; r <= 1_000_000; r++)
        {
            rows.Append("<row r=\"").Append(r).Append("\"><c r=\"A").Append(r).Append("\" t=\"inlineStr\"><is><t>").Append(r % 977).Append("</t></is></c></row>");
        }

        rows.Append("</sheetData></worksheet>");
        var entries = Books.Entries(Books.Seed);
        var sheet = entries.FindIndex(static e => e.Name == "xl/worksheets/sheet6.xml");
        entries[sheet] = (entries[sheet].Name, Books.Utf8(rows.ToString()));

        AssertRefused(Books.Zip([.. entries]), RuleCodes.X4, "行");
    }

    [Fact]
    public void MergeOverTheWholeSheet_IsRefusedAtTheLimitOfTheSheetsCells_NotFilled()
    {
        var book = Books.Edit(Books.Seed, d =>
        {
            var sheet = Books.Sheet(d, "绩效指标");
            sheet.InsertAfter(new DocumentFormat.OpenXml.Spreadsheet.MergeCells(new DocumentFormat.OpenXml.Spreadsheet.MergeCell { Reference = "A2:XFD1048576" }), sheet.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.SheetData>());
        });

        var check = Books.Check(book);

        var issue = Assert.Single(check.Report.Errors); // its cells count before they are filled: refused at once
        Assert.Equal(RuleCodes.X4, issue.Code);
    }

    [Fact]
    public void FormulaWithoutCachedValue_AndErrorValues_AreX6_AtTheirCells()
    {
        var book = Books.Edit(Books.Seed, d =>
        {
            var total = Books.Cell(d, "预算项目", RuleCodes.D2);
            total.RemoveAllChildren();
            total.Append(new DocumentFormat.OpenXml.Spreadsheet.CellFormula("E2+F2"));
            var fiscal = Books.Cell(d, "预算项目", "E2");
            fiscal.RemoveAllChildren();
            fiscal.DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.Error;
            fiscal.CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue("#DIV/0!");
        });

        var issues = Books.Check(book).Report.Issues.Where(static i => i.Code == RuleCodes.X6).ToList();

        Assert.Equal(["预算项目!D2", "预算项目!E2"], issues.Select(static i => i.Source).Order(StringComparer.Ordinal));
        Assert.Contains(issues, static i => i.Message.Contains("#DIV/0!", StringComparison.Ordinal));
        Assert.DoesNotContain(Books.Check(book).Report.Issues, static i => i.Path == "$.projects[0].budget.total" && i.Code != RuleCodes.X6); // not also reported as missing
    }

    [Fact]
    public void CellOverTheTextLimit_IsReportedAtItsCell()
    {
        var book = Books.Edit(Books.Seed, d => Books.SetText(d, "预算项目", "G2", new string('款', 30_000)));

        var check = Books.Check(book);

        Assert.Contains(check.Report.Issues, static i => i.Severity == Severity.Error && i.Source == "预算项目!G2");
    }

    [Fact]
    public void MissingContentTypes_IsX1_SayingWhatIsMissing()
    {
        var entries = Books.Entries(Books.Seed);
        entries.RemoveAll(static e => e.Name == "[Content_Types].xml");

        var issue = Refused(Books.Zip([.. entries]), RuleCodes.X1);

        Assert.Contains("缺少 Excel 和 WPS 保存时都会写入的部分", issue.Message, StringComparison.Ordinal); // the clerk's words; the part's name is for the admin
        Assert.Contains("it has no [Content_Types].xml part", issue.MessageEn, StringComparison.Ordinal);
        Assert.DoesNotContain("()", issue.Message, StringComparison.Ordinal);
    }

    // Issue #33: 2 KB on disk, 563 MB of JSON (2.9 GB peak); over four columns, out of memory.
    [Theory]
    [InlineData(1, "B2:B9881", "9,880")]
    [InlineData(4, "B2:E9881", "39,520")]
    public void Convert_LongTextMergedDown9880Rows_IsRefusedAtTheRangeWithTheTextLimit(int columns, string range, string cells)
    {
        var issue = Refused(HostileWorkbooks.MergedLongText(columns: columns), RuleCodes.X4);

        Assert.Contains($"合并区域 {range} 的每个单元格都显示首格的 19,000 个字符", issue.Message, StringComparison.Ordinal);
        Assert.Contains($"文字总量超过 {TextLimit} 个字符", issue.Message, StringComparison.Ordinal);
        Assert.Contains($"in each of its {cells} cells: over {TextLimit} characters of text", issue.MessageEn, StringComparison.Ordinal);
        Assert.Equal($"{HostileWorkbooks.Sheet}!B2", issue.Source);
    }

    // Issue #33: 800 KB on disk, one string of 32,767 characters in each of 300,000 cells (3.36 GB, out of memory).
    [Fact]
    public void Convert_OneSharedStringReferredToByEveryCell_CountsEachReference_AndIsRefusedAtItsRow()
    {
        var issue = Refused(HostileWorkbooks.SharedStringReferences(), RuleCodes.X4);

        Assert.Contains($"工作表“{HostileWorkbooks.Sheet}”第 6 行：到单元格 I6 为止，文字总量超过 {TextLimit} 个字符", issue.Message, StringComparison.Ordinal);
        Assert.Contains("a shared string counts each time a cell refers to it", issue.MessageEn, StringComparison.Ordinal);
        Assert.Equal($"{HostileWorkbooks.Sheet}!6:6", issue.Source);
    }

    // Issue #33: 10 MB on disk, 4.8 million attributes on one cell (490 s of CPU in the parser).
    [Fact]
    public void Convert_MillionsOfAttributesOnOneCell_IsRefusedBeforeTheParserReadsThem_WithTheAttributeLimit()
    {
        var issue = Refused(HostileWorkbooks.AttributeFlood(), RuleCodes.X4);

        Assert.Contains($"XML 元素 <c> 的属性超过 {WorkbookLimits.Default.MaxAttributesPerElement:N0} 个", issue.Message, StringComparison.Ordinal);
        Assert.StartsWith(HostileWorkbooks.Sheet, issue.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_AMillionNamespaceDeclarationsOnOneCell_IsRefusedWithTheNamespaceLimit()
    {
        var issue = Refused(HostileWorkbooks.NamespaceFlood(), RuleCodes.X4);

        Assert.Contains($"XML 元素 <c> 声明的命名空间超过 {WorkbookLimits.Default.MaxNamespaceDeclarationsPerElement:N0} 个", issue.Message, StringComparison.Ordinal);
        Assert.StartsWith(HostileWorkbooks.Sheet, issue.Source, StringComparison.Ordinal);
    }

    // 126 KB on disk: 16,000 checkpoint columns over 9,999 projects took 63 s when every row visited every column.
    [Fact]
    public void Convert_ThousandsOfCheckpointColumnsOverThousandsOfRows_IsRead_WithAPlanOnlyWhereCellsAreFilled()
    {
        var check = Books.Check(HostileWorkbooks.CheckpointColumns());

        Assert.NotNull(check.Converted);
        Assert.DoesNotContain("spendingPlan", System.Text.Encoding.UTF8.GetString(check.Converted), StringComparison.Ordinal);
    }

    private static string TextLimit => WorkbookLimits.Default.MaxTextCharacters.ToString("N0", CultureInfo.InvariantCulture);

    private static void AssertRefused(byte[] workbook, string code, string saying)
        => Assert.Contains(saying, Refused(workbook, code).Message, StringComparison.Ordinal);

    private static ValidationIssue Refused(byte[] workbook, string code)
    {
        var check = Books.Check(workbook);

        var issue = Assert.Single(check.Report.Issues);
        Assert.Equal(code, issue.Code);
        Assert.False(check.IsValid);
        Assert.Null(check.Converted);
        return issue;
    }
}
