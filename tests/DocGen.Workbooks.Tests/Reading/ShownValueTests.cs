using System.IO.Compression;
using System.Text.Json.Nodes;
using DocGen.Core.Validation;
using DocGen.Rendering.Compilation;
using DocGen.Rendering.Pipeline;
using DocGen.Tests.Shared;
using DocGen.Workbooks.Tests.Support;
using DocGen.Core.Rules;

namespace DocGen.Workbooks.Tests.Reading;

/// <summary>
/// The cell as shown, everywhere: a text field takes the text the number format shows; a field
/// that needs a number takes it only when the cell shows all its digits, and is refused at its
/// cell (X11) quoting what it shows and what it holds when the format rounds some away.
/// </summary>
public sealed class ShownValueTests
{
    // In the seed's workbook: 预算项目 row 2 is the project (D = 预算数), 绩效指标 row 2 its first indicator (H = 指标值, J = 指标值（文字）).
    private const string Projects = "预算项目";
    private const string Indicators = "绩效指标";

    [Fact]
    public void PercentFormattedNumberInTheTextValue_IsTheTextTheCellShows_AndPrintsSo()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d => Books.SetStyled(d, Indicators, "J2", "0.9", 9)));

        Assert.Equal("90%", Indicator(check)["valueText"]!.GetValue<string>());
        var template = TemplateCompiler.Compile(File.ReadAllBytes(Path.Combine(RepoRoot.Path, "templates", "performance-goals.docx")), "performance-goals.docx");
        var document = Assert.IsType<Generated>(DocumentGenerator.Render(check.Valid!, template)).Document.ToArray();
        using var zip = new ZipArchive(new MemoryStream(document));
        using var body = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = body.ReadToEnd();
        Assert.Contains(">90%<", xml, StringComparison.Ordinal);
        Assert.DoesNotContain(">0.9<", xml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.7777", "78%", "77.77%")]
    [InlineData("0.955", "96%", "95.5%")]
    public void PercentWhoseFormatRoundsItInTheIndicatorValue_IsX11AtItsCell_QuotingBoth(string stored, string shown, string held)
    {
        var check = Books.Check(Books.Edit(Books.Seed, d => Books.SetStyled(d, Indicators, "H2", stored, 9)));

        var issue = Assert.Single(check.Report.Issues, static i => i.Severity == Severity.Error);
        Assert.Equal((RuleCodes.X11, "绩效指标!H2"), (issue.Code, issue.Source));
        Assert.Contains($"“{shown}”", issue.Message, StringComparison.Ordinal);
        Assert.Contains(held, issue.Message, StringComparison.Ordinal);
        Assert.False(check.IsValid);
    }

    [Fact]
    public void AmountWhoseFormatRoundsIt_IsX11AtItsCell_WithoutAKnockOnSumError()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d => Books.SetStyled(d, Projects, RuleCodes.D2, "30000.4", 3)));

        var issue = Assert.Single(check.Report.Issues, static i => i.Severity == Severity.Error);
        Assert.Equal((RuleCodes.X11, "预算项目!D2"), (issue.Code, issue.Source));
        Assert.Contains("“30,000”", issue.Message, StringComparison.Ordinal);
        Assert.Contains("30000.4", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AmountShownWholeByItsFormat_IsTheNumber_PrintedInTheDocumentsOwnStyle()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d => Books.SetStyled(d, Projects, RuleCodes.D2, "30000", 3)));

        Assert.True(check.IsValid);
        Assert.Equal(30000m, check.Submission!.Projects![0].Budget!.Total);
    }

    [Fact]
    public void CodeTypedAsANumberWithLeadingZerosShown_IsTheCodeTheCellShows()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d => Books.SetStyled(d, "基本信息", "B5", "286001", 200, "00000000")));

        Assert.Equal("00286001", JsonNode.Parse(check.Converted!)!["unit"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public void CodeStoredAsANumberInItsTextFormattedCell_IsTheCode()
    {
        // Pasted values keep a number even in a text-formatted (@) cell: it shows as General.
        var check = Books.Check(Books.Edit(Books.Seed, static d => Books.SetNumber(d, "基本信息", "B5", "286001")));

        Assert.True(check.IsValid);
        Assert.Equal("286001", check.Submission!.Unit!.Code);
    }

    [Fact]
    public void FormulaSavedWithAnEmptyCachedValue_IsX6_NotAMissingValue()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d =>
        {
            var cell = Books.Cell(d, Projects, RuleCodes.D2);
            cell.RemoveAllChildren();
            cell.DataType = null;
            cell.Append(new DocumentFormat.OpenXml.Spreadsheet.CellFormula("E2+F2"), new DocumentFormat.OpenXml.Spreadsheet.CellValue(""));
        }));

        var issue = Assert.Single(check.Report.Issues, static i => i.Severity == Severity.Error);
        Assert.Equal((RuleCodes.X6, "预算项目!D2"), (issue.Code, issue.Source));
        Assert.Contains("公式", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FormulaWrittenByOpenpyxl_WithoutACachedValue_IsX6AtItsCell()
    {
        // openpyxl, as programs that fill workbooks do, saves a formula with an empty <v></v>.
        var folder = Directory.CreateTempSubdirectory("docgen-openpyxl-");
        try
        {
            var (source, target) = (Path.Combine(folder.FullName, "in.xlsx"), Path.Combine(folder.FullName, "out.xlsx"));
            File.WriteAllBytes(source, Books.Seed);
            const string Script = "import sys, openpyxl\nbook = openpyxl.load_workbook(sys.argv[1])\nbook['预算项目']['D2'] = '=E2+F2'\nbook.save(sys.argv[2])\n";
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/python3", ["-c", Script, source, target]) { RedirectStandardError = true })!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (error.Contains("No module named 'openpyxl'", StringComparison.Ordinal))
            {
                Assert.Skip("skipped: python3-openpyxl is not installed.");
            }

            Assert.True(process.ExitCode == 0, error);
            var check = Books.Check(File.ReadAllBytes(target));

            var issue = Assert.Single(check.Report.Issues, static i => i.Severity == Severity.Error);
            Assert.Equal((RuleCodes.X6, "预算项目!D2"), (issue.Code, issue.Source));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void FormulaWhoseResultIsEmptyText_IsAnEmptyCell()
    {
        var check = Books.Check(Books.Edit(Books.Seed, static d =>
        {
            var cell = Books.Cell(d, Indicators, "J2");
            cell.RemoveAllChildren();
            cell.DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.String;
            cell.Append(new DocumentFormat.OpenXml.Spreadsheet.CellFormula("IF(F2=\"定性\",\"好\",\"\")"), new DocumentFormat.OpenXml.Spreadsheet.CellValue(""));
        }));

        Assert.True(check.IsValid);
        Assert.Null(Indicator(check)["valueText"]);
    }

    private static JsonNode Indicator(SubmissionCheck check) => JsonNode.Parse(check.Converted!)!["projects"]![0]!["indicators"]![0]!;
}
