using System.Globalization;
using System.Text;
using DocGen.Core.Rules;
using DocGen.Core.Validation;
using DocGen.Workbooks.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DocGen.Workbooks.Tests.Reading;

/// <summary>
/// The bounds of <see cref="WorkbookLimits"/>, each reached the way an attacker would: every one
/// ends in one report (X4, X10 for the time) naming the limit and the sheet (and row) or part, in
/// the process that read it — never a stack overflow, never memory exhaustion.
/// </summary>
public sealed class WorkbookLimitTests
{
    private const string IndicatorSheet = "绩效指标";

    [Fact]
    public void InlineStringNested100000Deep_IsX4_NamingTheSheetAndRow()
    {
        var deep = new StringBuilder("<row r=\"4\"><c r=\"H4\" t=\"inlineStr\"><is>");
        deep.Insert(deep.Length, "<r>", 100_000).Append("<t>x</t>").Insert(deep.Length, "</r>", 100_000).Append("</is></c></row>");

        var issue = Refused(Books.SeedWith(Books.SheetEntry(Books.Seed, IndicatorSheet), Books.Worksheet(deep.ToString())));

        Assert.Contains($"工作表“{IndicatorSheet}”第 4 行", issue.Message, StringComparison.Ordinal);
        Assert.Contains("嵌套超过 100 层", issue.Message, StringComparison.Ordinal);
        Assert.Equal($"{IndicatorSheet}!4:4", issue.Source);
    }

    [Theory]
    [InlineData("xl/sharedStrings.xml", "共享字符串")]
    [InlineData("xl/styles.xml", "单元格格式")]
    [InlineData("xl/workbook.xml", "工作簿部件")]
    [InlineData("[Content_Types].xml", "[Content_Types].xml")]
    [InlineData("xl/_rels/workbook.xml.rels", "workbook.xml.rels")]
    public void AnyPartNestedTooDeep_IsX4_NamingThePart(string entry, string place)
    {
        var entries = WithSharedStrings("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>x</t></si></sst>");
        var index = entries.FindIndex(e => e.Name == entry);
        var original = Encoding.UTF8.GetString(entries[index].Content);
        var root = original.IndexOf('>', original.IndexOf('<', original.IndexOf("?>", StringComparison.Ordinal) + 2)) + 1;
        entries[index] = (entry, Books.Utf8(original[..root] + string.Concat(Enumerable.Repeat("<x>", 50_000)) + string.Concat(Enumerable.Repeat("</x>", 50_000)) + original[root..]));

        var issue = Refused(Books.Zip([.. entries]));

        Assert.Contains(place, issue.Message, StringComparison.Ordinal);
        Assert.Contains("嵌套", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARowOfTwoMillionCells_IsX4_AtItsRow()
    {
        // Values that do not compress away, as in a real attack file (~4 bytes a cell zipped): the zip's ratio check does not catch it.
        var random = new Random(20261204);
        var row = new StringBuilder("<row r=\"1\">");
        for (var i = 0; i < 2_000_000; i++)
        {
            row.Append("<c><v>").Append(random.Next(1_000_000)).Append("</v></c>");
        }

        var book = Books.SeedWith(Books.SheetEntry(Books.Seed, IndicatorSheet), Books.Worksheet(row.Append("</row>").ToString()));

        var issue = Refused(book);

        Assert.Contains($"工作表“{IndicatorSheet}”第 1 行", issue.Message, StringComparison.Ordinal);
        Assert.Contains("单元格过多", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CellOverExcelsCharacterLimit_IsX4_NamingTheCell()
    {
        var rows = $"<row r=\"4\"><c r=\"G4\" t=\"inlineStr\"><is><t>{new string('款', 32_768)}</t></is></c></row>";

        var issue = Refused(Books.SeedWith(Books.SheetEntry(Books.Seed, IndicatorSheet), Books.Worksheet(rows)));

        Assert.Contains("单元格 G4", issue.Message, StringComparison.Ordinal);
        Assert.Contains("32,767", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SharedStringsOverTheTextBudget_AreX4()
    {
        var table = new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        for (var i = 0; i < 100; i++)
        {
            table.Append("<si><t>").Append(new string((char)('一' + i), 2_000)).Append("</t></si>");
        }

        var book = Books.Zip([.. WithSharedStrings(table.Append("</sst>").ToString())]);

        var issue = Refused(book, new WorkbookLimits { MaxTextCharacters = 100_000 });

        Assert.Contains("文字总量超过 100,000", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APartInflatingPastItsBound_IsX4_NamingThePart()
    {
        var rows = string.Concat(Enumerable.Range(1, 5_000).Select(static r => $"<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c></row>"));
        var entry = Books.SheetEntry(Books.Seed, IndicatorSheet);

        var issue = Refused(Books.SeedWith(entry, Books.Worksheet(rows)), new WorkbookLimits { MaxPartBytes = 64 * 1024 });

        Assert.Contains(entry, issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADocxRenamedXlsx_IsX1_NotAWorkbook()
    {
        var entries = Books.Entries(Books.Seed);
        var types = entries.FindIndex(static e => e.Name == "[Content_Types].xml");
        entries[types] = (entries[types].Name, Books.Utf8(Encoding.UTF8.GetString(entries[types].Content).Replace("spreadsheetml.sheet.main", "wordprocessingml.document.main", StringComparison.Ordinal)));

        Assert.Equal(RuleCodes.X1, Refused(Books.Zip([.. entries])).Code);
    }

    [Fact]
    public void AMacroEnabledContentType_IsX3()
    {
        var entries = Books.Entries(Books.Seed);
        var types = entries.FindIndex(static e => e.Name == "[Content_Types].xml");
        entries[types] = (entries[types].Name, Books.Utf8(Encoding.UTF8.GetString(entries[types].Content).Replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml", StringComparison.Ordinal)));

        Assert.Equal(RuleCodes.X3, Refused(Books.Zip([.. entries])).Code);
    }

    [Fact]
    public void Check_ReadingPastItsTimeLimit_IsX10_NamingTheLimitAndWhereItStopped()
    {
        var clock = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromSeconds(1) }; // every reading of the clock a second later: no waiting

        var check = WorkbookConverter.Check(Books.Seed, Books.Validator, time: clock);

        var issue = Assert.Single(check.Report.Issues);
        Assert.Equal(RuleCodes.X10, issue.Code);
        Assert.Contains("超过 5 秒的时间上限（读到", issue.Message, StringComparison.Ordinal);
        Assert.Contains("longer than the limit of 5 s (it stopped at ", issue.MessageEn, StringComparison.Ordinal);
        Assert.Null(check.Converted);
    }

    [Fact]
    public void Check_ReadingWithinItsTimeLimit_IsNotRefused()
    {
        var clock = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };

        var check = WorkbookConverter.Check(Books.Seed, Books.Validator, new WorkbookLimits { MaxReadTime = TimeSpan.FromDays(1) }, clock);

        Assert.True(check.IsValid);
    }

    [Fact]
    public void Check_ConvertedJsonOverTheSubmissionLimit_IsX4_NamingThatLimit_NotAFileOfThatSize()
    {
        var validator = new SubmissionValidator(Books.Frameworks, new SubmissionLimits { MaxFileBytes = 4_096 });
        var seed = Books.Seed;

        var issue = Refused(seed, validator: validator);

        Assert.Equal(RuleCodes.X4, issue.Code);
        Assert.Contains("超过一份申报的上限 4,096 字节", issue.Message, StringComparison.Ordinal);
        Assert.Contains($"工作簿文件本身 {seed.Length.ToString("N0", CultureInfo.InvariantCulture)} 字节", issue.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("文件大小", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_MergedRangeCells_CountAsCellsOfTheSheet()
    {
        var rows = "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>x</t></is></c></row>";
        var book = Books.SeedWith(Books.SheetEntry(Books.Seed, IndicatorSheet), Books.Utf8(Encoding.UTF8.GetString(Books.Worksheet(rows)).Replace("</worksheet>", "<mergeCells><mergeCell ref=\"A4:J203\"/></mergeCells></worksheet>", StringComparison.Ordinal)));

        var issue = Refused(book, new WorkbookLimits { MaxCellsPerSheet = 1_000 });

        Assert.Contains("合并区域 A4:J203 使单元格过多（每个工作表最多 1,000 个", issue.Message, StringComparison.Ordinal);
        Assert.Equal($"{IndicatorSheet}!A4", issue.Source);
    }

    [Fact]
    public void Convert_TheSameMergedRangeRepeated_IsRefusedAtTheSheetsCellLimit()
    {
        // Filling cells already filled adds none to the grid, but each pass costs: every pass is counted.
        var rows = "<row r=\"4\"><c r=\"A4\" t=\"e\"><v>#N/A</v></c></row>";
        var merges = string.Concat(Enumerable.Repeat("<mergeCell ref=\"A4:AD303\"/>", 1_000));
        var book = Books.SeedWith(Books.SheetEntry(Books.Seed, IndicatorSheet), Books.Utf8(Encoding.UTF8.GetString(Books.Worksheet(rows)).Replace("</worksheet>", $"<mergeCells>{merges}</mergeCells></worksheet>", StringComparison.Ordinal)));

        var issue = Refused(book);

        Assert.Contains("合并区域 A4:AD303", issue.Message, StringComparison.Ordinal);
        Assert.Contains("1,000,000", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(50, false)]
    [InlineData(49, true)]
    public void Convert_AnElementAtTheAttributeLimit_IsRead_AndOneOverIt_IsX4(int limit, bool refused)
    {
        var attributes = string.Concat(Enumerable.Range(0, 48).Select(static i => $" a{i}=\"{i}\""));
        var rows = $"<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"{attributes}><is><t>x</t></is></c></row>"; // 50 attributes

        var check = WorkbookConverter.Check(Books.SeedWith(Books.SheetEntry(Books.Seed, IndicatorSheet), Books.Worksheet(rows)), Books.Validator, new WorkbookLimits { MaxAttributesPerElement = limit });

        Assert.Equal(refused, check.Report.Issues.Any(static i => i.Code == RuleCodes.X4 && i.Message.Contains("属性超过 49 个", StringComparison.Ordinal)));
    }

    [Fact]
    public void Convert_ANumberFormatLongerThanExcelAllows_IsX4_AtTheStyles()
    {
        var book = Books.Edit(Books.Seed, d => Books.SetStyled(d, "预算项目", RuleCodes.D2, "1", 300, "0" + new string('_', 255)));

        var issue = Refused(book);

        Assert.Contains("单元格格式", issue.Message, StringComparison.Ordinal);
        Assert.Contains("数字格式代码超过 255 个字符", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Convert_ASheetInUtf16_IsReadLikeUtf8(bool bigEndian, bool mark)
    {
        var entry = Books.SheetEntry(Books.Seed, IndicatorSheet);
        var xml = Encoding.UTF8.GetString(Books.Entries(Books.Seed).Single(e => e.Name == entry).Content).Replace("encoding=\"utf-8\"", "encoding=\"utf-16\"", StringComparison.OrdinalIgnoreCase);
        var utf16 = new UnicodeEncoding(bigEndian, byteOrderMark: mark);

        var check = Books.Check(Books.SeedWith(entry, [.. utf16.GetPreamble(), .. utf16.GetBytes(xml)]));

        Assert.Equal(Books.Normalised(Books.Check(Books.Seed)), Books.Normalised(check));
    }

    [Fact]
    public void Convert_ASheetInAnotherEncoding_IsX1_SayingUtf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var entry = Books.SheetEntry(Books.Seed, IndicatorSheet);
        var xml = Encoding.UTF8.GetString(Books.Entries(Books.Seed).Single(e => e.Name == entry).Content);
        xml = xml.Contains("encoding=", StringComparison.Ordinal) ? xml.Replace("encoding=\"utf-8\"", "encoding=\"gbk\"", StringComparison.OrdinalIgnoreCase) : "<?xml version=\"1.0\" encoding=\"gbk\"?>" + xml;

        var issue = Refused(Books.SeedWith(entry, Encoding.GetEncoding("gbk").GetBytes(xml)));

        Assert.Equal(RuleCodes.X1, issue.Code);
        Assert.Contains("UTF-8", issue.MessageEn, StringComparison.Ordinal);
    }

    /// <summary>The seed's entries with a shared-string table added (DocGen writes inline strings; Excel writes shared ones).</summary>
    private static List<(string Name, byte[] Content)> WithSharedStrings(string table)
    {
        var entries = Books.Entries(Books.Seed);
        Edit(entries, "xl/_rels/workbook.xml.rels", "</Relationships>", "<Relationship Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\" Id=\"rIdStrings\"/></Relationships>");
        Edit(entries, "[Content_Types].xml", "</Types>", "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
        entries.Add(("xl/sharedStrings.xml", Books.Utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + table)));
        return entries;
    }

    private static void Edit(List<(string Name, byte[] Content)> entries, string name, string from, string to)
    {
        var index = entries.FindIndex(e => e.Name == name);
        entries[index] = (name, Books.Utf8(Encoding.UTF8.GetString(entries[index].Content).Replace(from, to, StringComparison.Ordinal)));
    }

    private static ValidationIssue Refused(byte[] workbook, WorkbookLimits? limits = null, SubmissionValidator? validator = null)
    {
        var check = WorkbookConverter.Check(workbook, validator ?? Books.Validator, limits);

        var issue = Assert.Single(check.Report.Issues);
        Assert.False(check.IsValid);
        Assert.Null(check.Converted);
        return issue;
    }
}
